using Ferry.Engine.Accounts;
using Ferry.Engine.Journal;
using Ferry.Engine.Work;

namespace Ferry.Cli.Sessions;

/// <summary>The work queue of the command's journal (<c>--journal</c>, FERRY_JOURNAL, else FERRY_HOME's file): the
/// <c>work_units</c> table beside the legs, so a unit and its legs live in one database.</summary>
internal static class CliQueue
{
    /// <summary>Opens the queue; a damaged, newer or unusable journal file is refused with its one sentence (exit 4), and
    /// so is a PostgreSQL journal, whose queue this version does not have yet.</summary>
    public static IWorkQueue Open(CliEnvironment env) => OpenIfAny(env)
        ?? throw CliException.Refused($"The work queue needs a SQLite journal in this version; {Location(env).Display} is a PostgreSQL journal, so nothing was queued or taken.");

    /// <summary>The queue of the command's journal, or null when that journal has none (a PostgreSQL journal in this
    /// version): reads that only show what the queue holds then show nothing of it.</summary>
    public static IWorkQueue? OpenIfAny(CliEnvironment env)
    {
        if (Location(env).File is not { } file) return null;
        try
        {
            return SqliteWorkQueue.Open(file, env.Time);
        }
        catch (Exception e) when (e is JournalCorruptException or JournalUnavailableException)
        {
            throw CliException.Refused(e.Message);
        }
    }

    private static JournalLocation Location(CliEnvironment env)
    {
        var home = FerryHome.FromEnvironment(env.GetEnvironmentVariable);
        home.EnsureExists();
        return JournalLocation.Of(env, home);
    }
}
