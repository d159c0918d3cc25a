namespace Ferry.EndToEnd.Tests;

/// <summary>The system clock plus an offset a test can move, to make the simulator's clock jump.</summary>
public sealed class ShiftableClock : TimeProvider
{
    private long _offsetTicks;

    public void Shift(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));
}
