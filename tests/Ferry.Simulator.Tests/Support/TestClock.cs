namespace Ferry.Simulator.Tests.Support;

/// <summary>Where the simulator tests' fake clocks start, and a clock's reading as a request's timestamp carries it.</summary>
public static class TestClock
{
    /// <summary>Half a minute past noon, so that a test can step back from it without leaving the day.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 20, 12, 0, 30, TimeSpan.Zero);

    extension(TimeProvider clock)
    {
        /// <summary>Now in Unix milliseconds, the unit of Binance's timestamp, startTime and endTime.</summary>
        public long NowMs => clock.GetUtcNow().ToUnixTimeMilliseconds();
    }
}
