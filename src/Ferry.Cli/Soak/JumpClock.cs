namespace Ferry.Cli.Soak;

/// <summary>Real time plus a skipped-ahead offset: the soak runner "waits out" history lag by skipping the clock that
/// the simulator, the clients and the journal share, instead of sleeping. Timers still run on real time.</summary>
internal sealed class JumpClock(TimeProvider inner) : TimeProvider
{
    private long _skipTicks;

    public void Skip(TimeSpan by) => Interlocked.Add(ref _skipTicks, by.Ticks);

    public override DateTimeOffset GetUtcNow() => inner.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _skipTicks));

    public override long GetTimestamp() => inner.GetTimestamp();

    public override long TimestampFrequency => inner.TimestampFrequency;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        inner.CreateTimer(callback, state, dueTime, period);
}
