using System.Runtime.InteropServices;

namespace Ferry.Benchmarks.Signing;

/// <summary>
/// CPU time of the calling thread (Linux <c>CLOCK_THREAD_CPUTIME_ID</c>, ns resolution), so a signing loop on one
/// thread is not charged for the runtime's other threads; elsewhere it falls back to the process's CPU time.
/// </summary>
public static class ThreadCpuClock
{
    private const int ClockThreadCpuTimeId = 3;

    // Probed once: a libc the runtime cannot bind falls back to process CPU time instead of failing the run.
    private static readonly bool ThreadClockWorks = Probe();

    /// <summary>Says which clock <see cref="Now"/> reads, for the report.</summary>
    public static string Describe => ThreadClockWorks ? "thread CPU time (clock_gettime)" : "process CPU time";

    /// <summary>The current reading of the clock.</summary>
    public static TimeSpan Now()
    {
        if (ThreadClockWorks && clock_gettime(ClockThreadCpuTimeId, out var time) == 0)
        {
            return TimeSpan.FromTicks((time.Seconds * TimeSpan.TicksPerSecond) + (time.Nanoseconds / 100));
        }

        return Environment.CpuUsage.TotalTime;
    }

    private static bool Probe()
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            return clock_gettime(ClockThreadCpuTimeId, out _) == 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [DllImport("libc", SetLastError = false)]
    private static extern int clock_gettime(int clockId, out Timespec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
