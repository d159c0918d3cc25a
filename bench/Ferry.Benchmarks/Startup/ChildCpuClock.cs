using System.Runtime.InteropServices;

namespace Ferry.Benchmarks.Startup;

/// <summary>
/// The CPU time (user + system) of this process's finished children, from <c>getrusage(RUSAGE_CHILDREN)</c>: the
/// difference around one child's run is that child's CPU, which a busy shared machine inflates far less than wall time.
/// Zero where the call is not available (not Linux or macOS).
/// </summary>
public static class ChildCpuClock
{
    private const int RusageChildren = -1;

    /// <summary>The CPU time of every child reaped so far.</summary>
    public static TimeSpan Now()
    {
        if (!(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS()) || GetRusage(RusageChildren, out var usage) != 0) return TimeSpan.Zero;
        return TimeSpan.FromMicroseconds((usage.UserSeconds + usage.SystemSeconds) * 1_000_000.0 + usage.UserMicroseconds + usage.SystemMicroseconds);
    }

    [DllImport("libc", EntryPoint = "getrusage", SetLastError = true)]
    private static extern int GetRusage(int who, out Usage usage);

    /// <summary>The start of <c>struct rusage</c> (two <c>timeval</c>s), padded to its full 144 bytes on 64-bit.</summary>
    [StructLayout(LayoutKind.Sequential, Size = 144)]
    private struct Usage
    {
        public long UserSeconds;
        public long UserMicroseconds;
        public long SystemSeconds;
        public long SystemMicroseconds;
    }
}
