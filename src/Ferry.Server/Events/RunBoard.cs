using System.Collections.Concurrent;
using System.Threading.Channels;
using Ferry.Server.Api;

namespace Ferry.Server.Events;

/// <summary>
/// Every plan run this server started (by the API or the dashboard), for the event stream and the dashboard's run page;
/// runs the dashboard starts in the background are awaited when the server stops, so a move sent is always journaled.
/// </summary>
internal sealed class RunBoard
{
    private readonly ConcurrentDictionary<string, RunTrack> _runs = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<ChannelWriter<RunEventResponse>, bool> _everything = new();
    private readonly ConcurrentDictionary<Task, bool> _background = new();

    public RunTrack Begin(string planId, string kind, int total)
    {
        var track = new RunTrack(planId, kind, total) { Forward = Broadcast };
        _runs[planId] = track;
        return track;
    }

    public RunTrack? Find(string planId) => _runs.GetValueOrDefault(planId);

    /// <summary>Runs <paramref name="work"/> without waiting for it; <see cref="DrainAsync"/> waits for every such run.</summary>
    public void Background(Func<Task> work)
    {
        var task = Task.Run(work);
        _background[task] = true;
        _ = task.ContinueWith(t => _background.TryRemove(t, out _), TaskScheduler.Default);
    }

    public Task DrainAsync() => Task.WhenAll(_background.Keys);

    /// <summary>Every event of every run from the moment of this call (the subscription is made now, not when the
    /// enumeration starts), until <paramref name="ct"/> ends it.</summary>
    public IAsyncEnumerable<RunEventResponse> Everything(CancellationToken ct)
    {
        var channel = Channel.CreateUnbounded<RunEventResponse>(new UnboundedChannelOptions { SingleReader = true });
        _everything[channel.Writer] = true;
        return ReadAsync(channel, ct);
    }

    private async IAsyncEnumerable<RunEventResponse> ReadAsync(Channel<RunEventResponse> channel, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        try
        {
            await foreach (var e in channel.Reader.ReadAllAsync(ct).ConfigureAwait(false)) yield return e;
        }
        finally
        {
            _everything.TryRemove(channel.Writer, out _);
        }
    }

    private void Broadcast(RunEventResponse e)
    {
        foreach (var writer in _everything.Keys) writer.TryWrite(e);
    }
}
