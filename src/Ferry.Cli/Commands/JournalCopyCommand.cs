using System.CommandLine;
using System.Globalization;
using Ferry.Cli.Output;
using Ferry.Cli.Output.Json;
using Ferry.Cli.Sessions;
using Ferry.Engine.Accounts;
using Ferry.Engine.Journal;
using Ferry.Engine.Postgres;

namespace Ferry.Cli.Commands;

/// <summary>
/// <c>ferry journal copy --from PATH|sqlite --to postgres://…</c>: moves an embedded journal into PostgreSQL. Every entry,
/// every recorded step and every history row done entries claimed are copied in one transaction into an empty journal
/// (creating its schema); then both journals are read back and tallied per state. Exit 0 only when every tally matches.
/// </summary>
internal static class JournalCopyCommand
{
    public static Command Create(CliEnvironment env)
    {
        var from = new Option<string>("--from") { Description = "The SQLite journal file to copy, or 'sqlite' for FERRY_HOME/journal.db.", Required = true };
        var to = new Option<string>("--to") { Description = "The PostgreSQL journal to copy into: a postgres:// URL or connection string; it must hold no entry.", Required = true };
        var json = CommonOptions.Json();
        var command = new Command("copy", "Copy a SQLite journal into an empty PostgreSQL journal and compare both, state by state.") { from, to, json };
        command.SetAction((parse, ct) => RunAsync(env, new Printer(env, parse.GetValue(json)), parse.GetValue(from)!, parse.GetValue(to)!, ct));
        return command;
    }

    private static async Task<int> RunAsync(CliEnvironment env, Printer printer, string fromText, string toText, CancellationToken ct)
    {
        var home = FerryHome.FromEnvironment(env.GetEnvironmentVariable);
        var from = JournalLocation.Parse(env, home, fromText, "--from");
        var to = JournalLocation.Parse(env, home, toText, "--to");
        if (from.File is not { } file) throw CliException.BadInput("--from takes a SQLite journal file (or 'sqlite' for FERRY_HOME/journal.db).");
        if (to.Postgres is not { } target) throw CliException.BadInput("--to takes a PostgreSQL journal: a postgres://user:password@host:port/database URL or a connection string.");
        if (!File.Exists(file)) throw CliException.BadInput($"--from: there is no journal file {file}.");

        await using var source = await from.OpenAsync(env, ct);
        var now = env.Time.GetUtcNow();
        // A claim whose lease ran out, or whose process is provably gone, is left over from a crash, not work in flight.
        if ((await source.ClaimsAsync(ct)).FirstOrDefault(c => c.LeaseUntil > now && !ProcessLiveness.IsProvablyGone(c.Owner)) is { } held)
        {
            throw new CliException(ExitCodes.InUse,
                $"Another ferry ({held.Owner.Describe()}) is working on the journal {file}; stop every ferry that uses it before copying it; nothing was copied.");
        }
        await to.MigrateAsync(env, ct);
        int copied;
        await using (var journal = (PostgresTransferJournal)await to.OpenAsync(env, ct))
        {
            try
            {
                copied = await JournalLocation.RefusingAsync(() => journal.ImportAsync(source, ct));
            }
            catch (InvalidOperationException e)
            {
                throw CliException.Refused($"{e.Message.TrimEnd('.')}; nothing was copied.");
            }
        }

        // Read back through a journal opened anew, as the next command would see it.
        var before = await JournalTally.OfAsync(source, ct);
        await using var reopened = await to.OpenAsync(env, ct);
        var after = await JournalTally.OfAsync(reopened, ct);
        var rows = JournalTally.Names.Select(n => new JournalTallyRowDocument(n, before.Counts[n], after.Counts[n])).ToList();
        var matches = rows.All(r => r.Source == r.Target);
        printer.Document(new JournalCopyDocument(file, target.Display, copied, matches, rows), CliJsonContext.Default.JournalCopyDocument);
        var table = Printer.NewTable("Tally", "Source", "Target");
        foreach (var row in rows)
            Printer.AddRow(table, row.Tally, row.Source.ToString(CultureInfo.InvariantCulture), row.Target.ToString(CultureInfo.InvariantCulture));
        printer.Table(table);
        if (!matches) throw CliException.Refused($"The copy in {target.Display} does not match {file} (see the tallies); do not use it.");
        printer.Line($"Copied {copied} entr{(copied == 1 ? "y" : "ies")} from {file} to {target.Display}; every tally matches.");
        return ExitCodes.Ok;
    }
}
