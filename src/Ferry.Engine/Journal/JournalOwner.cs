using System.Diagnostics;
using System.Security.Cryptography;

namespace Ferry.Engine.Journal;

/// <summary>
/// Who works on journal entries: a random instance id (unique per open journal, so two journals in one process are two
/// owners), and for people and for the liveness check the process id, its start time and the host name.
/// </summary>
/// <param name="InstanceId">Random, 16 hex characters.</param>
/// <param name="Pid">The owning process's id.</param>
/// <param name="Host">The machine's name.</param>
/// <param name="StartedAtMs">The owning process's start time (Unix ms), so a reused pid is not taken for the owner.</param>
public sealed record JournalOwner(string InstanceId, int Pid, string Host, long StartedAtMs)
{
    /// <summary>A new owner for this process.</summary>
    public static JournalOwner ForThisProcess()
    {
        using var self = Process.GetCurrentProcess();
        return new JournalOwner(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)), Environment.ProcessId,
            Environment.MachineName, ProcessLiveness.StartedAtMs(self));
    }

    /// <summary>"pid N on HOST", for messages.</summary>
    public string Describe() => $"pid {Pid} on {Host}";
}
