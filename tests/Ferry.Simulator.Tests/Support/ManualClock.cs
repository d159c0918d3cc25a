namespace Ferry.Simulator.Tests.Support;

/// <summary>A clock that moves only when a test says so.</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private readonly object _gate = new();
    private DateTimeOffset _now = start;

    public static ManualClock AtDefault() => new(new DateTimeOffset(2026, 11, 20, 12, 0, 30, TimeSpan.Zero));

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate) return _now;
    }

    public long NowMs => GetUtcNow().ToUnixTimeMilliseconds();

    public void Advance(TimeSpan by)
    {
        lock (_gate) _now += by;
    }
}
