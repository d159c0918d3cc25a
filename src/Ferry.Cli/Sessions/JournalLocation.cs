using Ferry.Engine.Accounts;
using Ferry.Engine.Journal;
using Ferry.Engine.Postgres;

namespace Ferry.Cli.Sessions;

/// <summary>
/// Where a command's journal lives: <c>--journal</c> on the command line, else FERRY_JOURNAL, else the SQLite file
/// <c>FERRY_HOME/journal.db</c>. A <c>postgres://</c> URL or an Npgsql connection string names a PostgreSQL journal,
/// <c>sqlite</c> the default file, anything else a journal file. A database password is protected in the command's log
/// and every error sentence the moment it is read.
/// </summary>
internal sealed class JournalLocation
{
    private JournalLocation(string? file, PostgresJournalAddress? postgres)
    {
        File = file;
        Postgres = postgres;
    }

    /// <summary>The SQLite journal file, or null for a PostgreSQL journal.</summary>
    public string? File { get; }

    /// <summary>The PostgreSQL journal, or null for a file.</summary>
    public PostgresJournalAddress? Postgres { get; }

    /// <summary>The journal for people: the file, or the URL without its password.</summary>
    public string Display => Postgres?.Display ?? File!;

    /// <summary>The command's journal.</summary>
    public static JournalLocation Of(CliEnvironment env, FerryHome home)
    {
        if (env.JournalOption is { } option) return Parse(env, home, option, "--journal");
        return env.GetEnvironmentVariable("FERRY_JOURNAL") is { Length: > 0 } configured
            ? Parse(env, home, configured, "FERRY_JOURNAL")
            : new JournalLocation(SqliteTransferJournal.PathUnder(home.Path), null);
    }

    /// <summary>Reads a journal named by <paramref name="source"/> (an option, which is input: exit 2 when unreadable; or
    /// FERRY_JOURNAL, which is configuration: exit 4). The sentence never repeats the text, which may hold a password.</summary>
    public static JournalLocation Parse(CliEnvironment env, FerryHome home, string text, string source)
    {
        if (text == "sqlite") return new JournalLocation(SqliteTransferJournal.PathUnder(home.Path), null);
        if (!PostgresJournalAddress.Names(text)) return new JournalLocation(Path.GetFullPath(text), null);
        try
        {
            var address = PostgresJournalAddress.Parse(text);
            if (address.Password is { } password) env.Log.Protect(password);
            return new JournalLocation(null, address);
        }
        catch (FormatException e)
        {
            var sentence = $"{source}: {e.Message}";
            throw source.StartsWith("--", StringComparison.Ordinal) ? CliException.BadInput(sentence) : CliException.Refused(sentence);
        }
    }

    /// <summary>Opens the journal; one that cannot be used is refused with its one sentence (exit 4).</summary>
    public Task<ITransferJournal> OpenAsync(CliEnvironment env, CancellationToken ct) => RefusingAsync<ITransferJournal>(async () => Postgres is { } address
        ? await PostgresTransferJournal.OpenAsync(address, env.Time, Claims(env), ct: ct)
        : SqliteTransferJournal.Open(File!, env.Time, Claims(env)));

    private static JournalClaimOptions? Claims(CliEnvironment env) => env.Lease is { } lease ? new JournalClaimOptions { Lease = lease } : null;

    /// <summary>Creates or upgrades the journal's schema and returns its version.</summary>
    public Task<int> MigrateAsync(CliEnvironment env, CancellationToken ct) => RefusingAsync(async () =>
    {
        if (Postgres is { } address) return await PostgresTransferJournal.MigrateAsync(address, ct: ct);
        // Opening a file creates or migrates it.
        using (SqliteTransferJournal.Open(File!, env.Time)) return SqliteTransferJournal.SchemaVersion;
    });

    /// <summary>The journal's problems in an asynchronous call as one sentence with exit 4.</summary>
    public static async Task<T> RefusingAsync<T>(Func<Task<T>> work)
    {
        try
        {
            return await work();
        }
        catch (Exception e) when (e is JournalCorruptException or JournalUnavailableException)
        {
            throw CliException.Refused(e.Message);
        }
    }

    /// <summary>The journal's problems as one sentence with exit 4.</summary>
    public static T Refusing<T>(Func<T> work)
    {
        try
        {
            return work();
        }
        catch (Exception e) when (e is JournalCorruptException or JournalUnavailableException)
        {
            throw CliException.Refused(e.Message);
        }
    }
}
