using System.CommandLine;
using Ferry.Cli.Output;
using Ferry.Cli.Output.Json;
using Ferry.Cli.Sessions;
using Ferry.Engine.Accounts;

namespace Ferry.Cli.Commands;

/// <summary><c>ferry journal migrate [--journal URL]</c>: creates or upgrades the journal's schema and prints its version.
/// A PostgreSQL journal is only ever created here (opening a database without one is refused), so a mistyped database
/// never silently becomes a journal.</summary>
internal static class JournalMigrateCommand
{
    public static Command Create(CliEnvironment env)
    {
        var json = CommonOptions.Json();
        var command = new Command("migrate", "Create or upgrade the journal's schema (--journal, FERRY_JOURNAL or FERRY_HOME/journal.db) and print its version.") { json };
        command.SetAction((parse, ct) => RunAsync(env, new Printer(env, parse.GetValue(json)), ct));
        return command;
    }

    private static async Task<int> RunAsync(CliEnvironment env, Printer printer, CancellationToken ct)
    {
        var home = FerryHome.FromEnvironment(env.GetEnvironmentVariable);
        var location = JournalLocation.Of(env, home);
        if (location.File is not null) home.EnsureExists();
        var schema = await location.MigrateAsync(env, ct);
        var store = location.Postgres is null ? "sqlite" : "postgres";
        printer.Document(new JournalMigrateDocument(location.Display, store, schema), CliJsonContext.Default.JournalMigrateDocument);
        printer.Line($"The journal {location.Display} ({(store == "sqlite" ? "SQLite" : "PostgreSQL")}) is at schema {schema}.");
        return ExitCodes.Ok;
    }
}
