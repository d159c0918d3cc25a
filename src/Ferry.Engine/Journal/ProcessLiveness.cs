using System.Diagnostics;

namespace Ferry.Engine.Journal;

/// <summary>
/// Decides whether a claim's owner is provably gone: only on the same host, and only when no process with its pid runs,
/// or the one that does started at another time (a reused pid), or it is a zombie. Anything else counts as alive, so a
/// doubt leaves the claim to its lease.
/// </summary>
public static class ProcessLiveness
{
    /// <summary>True when <paramref name="owner"/> certainly no longer runs.</summary>
    public static bool IsProvablyGone(JournalOwner owner)
    {
        ArgumentNullException.ThrowIfNull(owner);
        if (!string.Equals(owner.Host, Environment.MachineName, StringComparison.OrdinalIgnoreCase)) return false;
        if (owner.Pid == Environment.ProcessId) return false;
        if (IsZombie(owner.Pid)) return true;
        try
        {
            using var process = Process.GetProcessById(owner.Pid);
            if (process.HasExited) return true;
            var started = StartedAtMs(process);
            // Start times are read from the same clock; a difference beyond a second is another process on that pid.
            return started != 0 && owner.StartedAtMs != 0 && Math.Abs(started - owner.StartedAtMs) > 1000;
        }
        catch (ArgumentException)
        {
            return true; // no process with that id
        }
        catch (InvalidOperationException)
        {
            return true; // it exited while we looked
        }
    }

    /// <summary>The process's start time in Unix ms, or 0 when it cannot be read.</summary>
    public static long StartedAtMs(Process process)
    {
        ArgumentNullException.ThrowIfNull(process);
        try
        {
            return new DateTimeOffset(process.StartTime.ToUniversalTime()).ToUnixTimeMilliseconds();
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
        {
            return 0;
        }
    }

    private static bool IsZombie(int pid)
    {
        if (!OperatingSystem.IsLinux()) return false;
        try
        {
            // /proc/PID/stat: "pid (comm) S ...": the state follows the last ')'.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var close = stat.LastIndexOf(')');
            return close > 0 && close + 2 < stat.Length && stat[close + 2] is 'Z' or 'X';
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }
}
