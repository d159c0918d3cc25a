using System.CommandLine;
using System.Globalization;
using Ferry.Cli.Output;
using Ferry.Cli.Output.Json;
using Ferry.Cli.Sessions;
using Ferry.Engine.Journal;
using Ferry.Core.Money;

namespace Ferry.Cli.Commands;

/// <summary><c>ferry journal list | show ID | reconcile [ID] | resume ID | migrate | copy</c>: the durable record of every leg Ferry sent.</summary>
internal static class JournalCommand
{
    public static Command Create(CliEnvironment env)
    {
        var listJson = CommonOptions.Json();
        var state = new Option<string?>("--state") { Description = "Only entries in this state: planned, sending, done, rejected, unknown, not-executed." };
        var limit = new Option<int>("--limit") { Description = "At most this many entries, newest first.", DefaultValueFactory = _ => 50 };
        var list = new Command("list", "List journal entries, newest first.") { listJson, state, limit };
        list.SetAction((parse, ct) => ListAsync(env, new Printer(env, parse.GetValue(listJson)), parse.GetValue(state), parse.GetValue(limit), ct));

        var showJson = CommonOptions.Json();
        var id = new Argument<string>("id") { Description = "The journal id, as 'ferry transfer' printed it, or 'latest'." };
        var show = new Command("show", "Show one entry with every recorded step.") { id, showJson };
        show.SetAction((parse, ct) => ShowAsync(env, new Printer(env, parse.GetValue(showJson)), parse.GetValue(id)!, ct));

        var reconcileJson = CommonOptions.Json();
        var reconcileId = new Argument<string?>("id") { Description = "One entry (default: every sending or unknown entry).", Arity = ArgumentArity.ZeroOrOne };
        var noWait = new Option<bool>("--no-wait") { Description = "Do not wait out the history-lag window; leave such entries unknown." };
        var reconcile = new Command("reconcile", "Resolve sending or unknown entries against the exchange's own history.") { reconcileId, reconcileJson, noWait };
        reconcile.SetAction((parse, ct) => ReconcileAsync(env, new Printer(env, parse.GetValue(reconcileJson)), parse.GetValue(reconcileId), !parse.GetValue(noWait), ct));

        return new Command("journal", "The journal of transfers: what was sent, what came back, what reconciliation decided.")
        {
            list, show, reconcile, JournalResumeCommand.Create(env), JournalMigrateCommand.Create(env), JournalCopyCommand.Create(env),
        };
    }

    private static async Task<int> ListAsync(CliEnvironment env, Printer printer, string? stateName, int limit, CancellationToken ct)
    {
        LegState? state = null;
        if (stateName is not null)
        {
            try { state = LegStates.Parse(stateName); }
            catch (JournalCorruptException) { throw CliException.BadInput($"--state '{stateName}' is not a state; use planned, sending, done, rejected, unknown or not-executed."); }
        }
        if (limit < 1) throw CliException.BadInput($"--limit {limit} is not positive.");
        await using var service = CliServices.Open(env, printer.Json);
        var entries = await service.ListAsync(state is { } s ? [s] : null, limit, ct);
        // Which worker holds what: an entry's intent is its queued unit's id.
        using var queue = await CliQueue.OpenAsync(env, ct);
        var units = new Dictionary<string, Ferry.Engine.Work.WorkUnit>(StringComparer.Ordinal);
        foreach (var intent in entries.Select(e => e.Leg.Intent).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            if (await queue.FindAsync(intent, ct) is { } unit) units[intent] = unit;
        }
        Ferry.Engine.Work.WorkUnit? UnitOf(JournalEntry e) => e.Leg.Intent is { } i ? units.GetValueOrDefault(i) : null;
        printer.Document(new JournalListDocument([.. entries.Select(e => new JournalListEntryDocument(JournalEntryDocument.Of(e), UnitOf(e)?.Id, UnitOf(e)?.Holder?.Worker.Id))]),
            CliJsonContext.Default.JournalListDocument);
        var table = Printer.NewTable("Id", "State", "Attempt", "Account", "Move", "Exchange id", "Worker");
        foreach (var e in entries)
        {
            Printer.AddRow(table, e.Id, LegStates.Name(e.State), e.Attempt.ToString(CultureInfo.InvariantCulture), e.Leg.AccountName,
                $"{WireDecimal.Format(e.Leg.Amount)} {e.Leg.Asset} {e.Leg.From} → {e.Leg.To}", e.ExchangeId ?? e.HistoryId ?? "", UnitOf(e)?.Holder?.Worker.Id ?? "");
        }

        printer.Table(table);
        printer.Line(entries.Count == 0 ? "The journal is empty." : $"{entries.Count} entr{(entries.Count == 1 ? "y" : "ies")}.");
        return ExitCodes.Ok;
    }

    private static async Task<int> ShowAsync(CliEnvironment env, Printer printer, string id, CancellationToken ct)
    {
        await using var service = CliServices.Open(env, printer.Json);
        var (entry, events) = await service.ShowAsync(id, ct) ?? throw CliException.BadInput(id == "latest"
            ? "The journal is empty, so there is no latest entry."
            : $"There is no journal entry '{id}'; 'ferry journal list' shows the ids.");
        printer.Document(new JournalShowDocument(JournalEntryDocument.Of(entry), [.. events.Select(JournalEventDocument.Of)]),
            CliJsonContext.Default.JournalShowDocument);
        printer.Line($"{entry.Id}: {LegStates.Name(entry.State)} (attempt {entry.Attempt}) — {WireDecimal.Format(entry.Leg.Amount)} {entry.Leg.Asset} from {entry.Leg.From} to {entry.Leg.To}");
        printer.Line($"account '{entry.Leg.AccountName}' via {entry.Leg.Endpoint} {string.Join("&", entry.Leg.Parameters.Select(p => $"{p.Key}={p.Value}"))}");
        if (entry.ExchangeId is not null || entry.HistoryId is not null) printer.Line($"exchange id {entry.ExchangeId ?? entry.HistoryId}");
        if (entry.Message is not null) printer.Line($"note: {entry.Message}");
        var table = Printer.NewTable("Time (UTC)", "Attempt", "Step", "Detail");
        foreach (var e in events)
        {
            Printer.AddRow(table, e.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture), e.Attempt.ToString(CultureInfo.InvariantCulture),
                $"{(e.From is { } f ? LegStates.Name(f) : "")} → {LegStates.Name(e.To)}", e.Detail ?? "");
        }

        printer.Table(table);
        return ExitCodes.Ok;
    }

    private static async Task<int> ReconcileAsync(CliEnvironment env, Printer printer, string? id, bool wait, CancellationToken ct)
    {
        await using var service = CliServices.Open(env, printer.Json);
        if (id is not null && await (await service.JournalAsync(ct)).FindAsync(id, ct) is null)
            throw CliException.BadInput($"There is no journal entry '{id}'; 'ferry journal list' shows the ids.");
        var results = await service.ReconcileAsync(id, wait, ct);
        printer.Document(new ReconcileDocument([.. results.Select(r => new ReconcileResultDocument(r.Entry.Id, LegStates.Name(r.State), r.Reason))]),
            CliJsonContext.Default.ReconcileDocument);
        foreach (var r in results) printer.Line($"{r.Entry.Id}: {LegStates.Name(r.State)} ({r.Reason}).");
        if (results.Count == 0) printer.Line("Nothing to reconcile: no entry is sending or unknown.");
        return results.Any(r => r.Entry.NeedsReconciliation) ? ExitCodes.Unknown : ExitCodes.Ok;
    }
}
