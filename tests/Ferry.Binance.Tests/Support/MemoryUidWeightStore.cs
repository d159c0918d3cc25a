using Ferry.Binance.Http;

namespace Ferry.Binance.Tests.Support;

/// <summary>A shared UID budget in memory, for clients in one test; can be told to fail like an unreachable database.</summary>
public sealed class MemoryUidWeightStore : IUidWeightStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<UidWeightWindow, int> _used = [];

    public bool Unreachable { get; set; }

    public List<UidWeightWindow> Reserved { get; } = [];

    public int UsedIn(UidWeightWindow window)
    {
        lock (_gate)
        {
            return _used.GetValueOrDefault(window);
        }
    }

    public IReadOnlyList<UidWeightWindow> Windows()
    {
        lock (_gate)
        {
            return [.. _used.Keys];
        }
    }

    public ValueTask<int?> TryReserveAsync(UidWeightWindow window, int weight, int limit, CancellationToken cancellationToken)
    {
        Check();
        lock (_gate)
        {
            Reserved.Add(window);
            var used = _used.GetValueOrDefault(window);
            if (used + weight > limit)
            {
                return ValueTask.FromResult<int?>(null);
            }

            _used[window] = used + weight;
            return ValueTask.FromResult<int?>(used + weight);
        }
    }

    public ValueTask ReturnAsync(UidWeightWindow window, int weight, CancellationToken cancellationToken)
    {
        Check();
        lock (_gate)
        {
            _used[window] = Math.Max(0, _used.GetValueOrDefault(window) - weight);
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask RaiseAsync(UidWeightWindow window, int used, CancellationToken cancellationToken)
    {
        Check();
        lock (_gate)
        {
            _used[window] = Math.Max(used, _used.GetValueOrDefault(window));
        }

        return ValueTask.CompletedTask;
    }

    private void Check()
    {
        if (Unreachable)
        {
            throw new InvalidOperationException("connection refused");
        }
    }
}
