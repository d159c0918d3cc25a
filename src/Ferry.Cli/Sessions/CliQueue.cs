using Ferry.Engine.Accounts;
using Ferry.Engine.Journal;
using Ferry.Engine.Work;

namespace Ferry.Cli.Sessions;

/// <summary>The work queue of FERRY_HOME: the <c>work_units</c> table of its journal file.</summary>
internal static class CliQueue
{
    /// <summary>Opens the queue; a damaged, newer or unusable journal file is refused with its one sentence (exit 4).</summary>
    public static IWorkQueue Open(CliEnvironment env)
    {
        var home = FerryHome.FromEnvironment(env.GetEnvironmentVariable);
        home.EnsureExists();
        try
        {
            return SqliteWorkQueue.Open(SqliteTransferJournal.PathUnder(home.Path), env.Time);
        }
        catch (Exception e) when (e is JournalCorruptException or JournalUnavailableException)
        {
            throw CliException.Refused(e.Message);
        }
    }
}
