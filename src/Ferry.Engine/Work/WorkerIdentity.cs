using System.Diagnostics;
using System.Security.Cryptography;
using Ferry.Engine.Journal;

namespace Ferry.Engine.Work;

/// <summary>
/// Who holds a unit: an id people read (<c>host-pid-suffix</c>, the suffix random so two workers in one process, or a
/// reused pid, differ) and the process facts the same-machine liveness check needs.
/// </summary>
/// <param name="Id">The worker's id, e.g. <c>build7-4121-3f9c</c>.</param>
/// <param name="Pid">The worker's process id.</param>
/// <param name="Host">The machine's name.</param>
/// <param name="StartedAtMs">The process's start time (Unix ms), so a reused pid is not taken for the worker.</param>
public sealed record WorkerIdentity(string Id, int Pid, string Host, long StartedAtMs)
{
    /// <summary>A new worker identity for this process.</summary>
    public static WorkerIdentity ForThisProcess()
    {
        using var self = Process.GetCurrentProcess();
        var host = Environment.MachineName;
        return new WorkerIdentity($"{host}-{Environment.ProcessId}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(2))}",
            Environment.ProcessId, host, ProcessLiveness.StartedAtMs(self));
    }

    /// <summary>True when this worker's process certainly no longer runs (same machine only; see <see cref="ProcessLiveness"/>).</summary>
    public bool IsProvablyGone() => ProcessLiveness.IsProvablyGone(new JournalOwner(Id, Pid, Host, StartedAtMs));
}
