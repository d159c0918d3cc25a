using Ferry.Engine.Accounts;
using Ferry.Cli.Output;
using Ferry.Cli.Output.Json;
using Ferry.Cli.Sessions;
using Ferry.Engine.Journal;
using Ferry.Core.Money;
using Ferry.Engine.Moves;
using Ferry.Engine.Addresses;
using Ferry.Engine.Service;
using Ferry.Core.Outcomes;
using Spectre.Console;

namespace Ferry.Cli.Commands;

/// <summary>
/// What <c>ferry sweep</c> and <c>ferry rebalance</c> share once their input is checked: one session per account a leg
/// needs (one client, so one weight limiter, per key), one journal opened and recovered once, the plan shown, mainnet
/// consent, the concurrent run with a progress bar (terminal) or one JSON line per move (--json), and the exit code.
/// </summary>
internal sealed class MovesExecution : IAsyncDisposable
{
    private readonly CliEnvironment _env;
    private readonly SessionTarget _target;
    private readonly bool _json;

    private MovesExecution(CliEnvironment env, SessionTarget target, bool json, TransferService service, AccountDefinition master)
    {
        _env = env;
        _target = target;
        _json = json;
        Service = service;
        Master = master;
    }

    /// <summary>The engine's door for this run.</summary>
    public TransferService Service { get; }

    /// <summary>The master account the run reads balances with.</summary>
    public AccountDefinition Master { get; }

    /// <summary>Refuses testnet, opens the command's session and the journal, and reconciles what an earlier run left
    /// sending/unknown (once, before anything is read or planned).</summary>
    public static async Task<MovesExecution> OpenAsync(CliEnvironment env, SessionTarget target, bool json, CancellationToken ct)
    {
        if (target.Configured is { } configured) TransferService.RequireRunnable([configured], "sub-account transfers");
        // Only the master's session is announced (not with --json); sessions of other keys open quietly when a leg needs them.
        var announce = !json;
        var service = CliServices.Open(env, json, banner => { if (announce) env.Out.WriteLine(banner); });
        try
        {
            var master = service.Account(Venue.Binance, target.AccountName);
            await service.ConnectAsync([master], ct);
            announce = false;
            await CliServices.RecoverAsync(service, new Printer(env, json), ct);
            return new MovesExecution(env, target, json, service, master);
        }
        catch
        {
            await service.DisposeAsync();
            throw;
        }
    }

    /// <summary>A balance read the plan needed did not end Done: exit 1 (rejected), 3 (unknown) or 4 (not sent).</summary>
    public static CliException ReadFailed(BalanceReadException e) => new(e.Kind switch
    {
        OutcomeKind.Rejected => ExitCodes.Rejected,
        OutcomeKind.Unknown => ExitCodes.Unknown,
        _ => ExitCodes.Refused,
    }, e.Message);

    /// <summary>Why a wallet must not get a new move: a journal entry that still may have moved money out of it.</summary>
    public Task<Func<string, string?>> UnresolvedFromAsync(CancellationToken ct) => Service.UnresolvedFromAsync(ct);

    /// <summary>Prints the plan (table or JSON lines); returns exit 0 after a dry run, or null to go on.</summary>
    public void ShowPlan(string what, MovePlan plan, bool dryRun)
    {
        if (_json)
        {
            foreach (var s in plan.Skipped) Line(new SkippedLineDocument(s.Address, s.Reason), CliJsonContext.Default.SkippedLineDocument);
            if (dryRun)
            {
                foreach (var m in plan.Moves)
                {
                    Line(new PlannedMoveLineDocument(MoveDocument.Of(m), [.. m.Route.Legs.Select(LegPlanDocument.Of)]),
                        CliJsonContext.Default.PlannedMoveLineDocument);
                }
                Line(new MovesSummaryLineDocument(Tally(plan, []), dryRun: true), CliJsonContext.Default.MovesSummaryLineDocument);
            }
            return;
        }
        var table = Printer.NewTable("Move", "From", "To", "Amount", "Legs");
        foreach (var m in plan.Moves)
        {
            Printer.AddRow(table, m.MoveId, m.Request.From.ToString(), m.Request.To.ToString(), $"{WireDecimal.Format(m.Request.Amount)} {m.Request.Asset}",
                string.Join(" → ", m.Route.Legs.Select(l => $"{l.Endpoint} ({l.AccountName})")));
        }

        if (plan.Moves.Count > 0) ConsoleFactory.For(_env.Out, isTerminal: Terminal).Write(table);
        foreach (var s in plan.Skipped) _env.Out.WriteLine($"Skipped {s.Address}: {s.Reason}.");
        _env.Out.WriteLine($"{what}: {plan.Moves.Count} move(s){Totals(plan.Moves)}, {plan.Skipped.Count} skipped; weight {plan.Moves.Sum(m => m.UidWeight)} UID, {plan.Moves.Sum(m => m.IpWeight)} IP."
            + (dryRun ? " Dry run: nothing sent." : ""));
    }

    /// <summary>Asks for CONFIRM on mainnet, opens a session for every other account a leg uses, runs the moves and
    /// reports them; returns the exit code.</summary>
    public async Task<int> ExecuteAsync(string what, MovePlan plan, bool confirmed, int parallelism, CancellationToken ct)
    {
        if (plan.Moves.Count == 0)
        {
            if (_json) Line(new MovesSummaryLineDocument(Tally(plan, []), dryRun: false), CliJsonContext.Default.MovesSummaryLineDocument);
            else _env.Out.WriteLine("Nothing to move.");
            return ExitCodes.Ok;
        }
        if (_target.Environment == AccountEnvironment.Mainnet)
            MainnetConsent.Require(_env, confirmed, ConsentSummary(what, plan));

        string runId = "";
        IReadOnlyList<MoveResult> results;
        if (!_json && Terminal)
        {
            results = [];
            await ConsoleFactory.For(_env.Out, isTerminal: true).Progress().StartAsync(async ctx =>
            {
                var bar = ctx.AddTask($"{what}: {plan.Moves.Count} moves", maxValue: plan.Moves.Count);
                (runId, results) = await RunMovesAsync(plan, parallelism, _ => bar.Increment(1), ct);
            });
        }
        else
        {
            (runId, results) = await RunMovesAsync(plan, parallelism, r =>
            {
                if (_json) Line(ResultOf(r), CliJsonContext.Default.MoveResultDocument);
                else _env.Out.WriteLine(ResultText(r));
            }, ct);
        }

        if (_json)
        {
            Line(new MovesSummaryLineDocument(Tally(plan, results), dryRun: false), CliJsonContext.Default.MovesSummaryLineDocument);
        }
        else
        {
            if (Terminal) foreach (var r in results.Where(r => r.Outcome != OutcomeKind.Done)) _env.Out.WriteLine(ResultText(r));
            _env.Out.WriteLine($"{what} run {runId}: {Count(results, OutcomeKind.Done)} done, {Count(results, OutcomeKind.Rejected)} rejected, "
                + $"{Count(results, OutcomeKind.Unknown)} unknown, {Count(results, OutcomeKind.NotSent)} not sent.");
            if (results.Any(r => r.Outcome is OutcomeKind.Unknown))
                _env.Out.WriteLine("An unknown move may have happened: run 'ferry journal reconcile', then run the same command again; it plans only what is still missing.");
        }
        return results.Any(r => r.Outcome == OutcomeKind.Unknown) ? ExitCodes.Unknown
            : results.Any(r => r.Outcome == OutcomeKind.Rejected) ? ExitCodes.Rejected
            : results.FirstOrDefault(r => r.Outcome == OutcomeKind.NotSent) is { } notSent
                ? ExitCodes.ForNotSent(notSent.Run.NotSentReason ?? NotSentReason.RateBudget)
            : ExitCodes.Ok;
    }

    /// <summary>Asks for CONFIRM on mainnet (recorded with the units: a worker never asks), then queues each planned move as
    /// one unit of one batch for <c>ferry worker</c>; returns the exit code.</summary>
    public async Task<int> EnqueueAsync(string what, MovePlan plan, Ferry.Engine.Work.WorkKind kind, bool confirmed, CancellationToken ct)
    {
        if (plan.Moves.Count == 0)
        {
            if (!_json) _env.Out.WriteLine("Nothing to move.");
            return _json ? await QueueSubmission.EnqueueAsync(_env, new Printer(_env, _json), [], jsonLine: true, ct) : ExitCodes.Ok;
        }
        var mainnet = _target.Environment == AccountEnvironment.Mainnet;
        if (mainnet) MainnetConsent.Require(_env, confirmed, ConsentSummary(what, plan));
        var batch = QueueSubmission.NewBatch(_env.Time);
        var at = mainnet ? _env.Time.GetUtcNow() : (DateTimeOffset?)null;
        return await QueueSubmission.EnqueueAsync(_env, new Printer(_env, _json),
            [.. plan.Moves.Select(m => new Ferry.Engine.Work.WorkOrder(kind, Master.Name, m.Request, at, batch))], jsonLine: true, ct);
    }

    /// <summary>What the user consents to before a mainnet sweep or rebalance runs.</summary>
    public string ConsentSummary(string what, MovePlan plan) =>
        $"{what} on MAINNET with account '{_target.AccountName}': {plan.Moves.Count} move(s){Totals(plan.Moves)}.";

    /// <summary>
    /// Runs the moves through the engine's <see cref="TransferService"/> (sessions for every other account a leg uses, <see cref="MoveRunner"/>: journal
    /// entries before sending, rate budget reserved before each leg); consent is the caller's. <paramref name="finished"/>
    /// hears each move as it ends. Used by <c>ferry sweep</c>/<c>ferry rebalance</c> and by the MCP server's execute_plan.
    /// </summary>
    public async Task<(string RunId, IReadOnlyList<MoveResult> Results)> RunMovesAsync(MovePlan plan, int parallelism,
        Action<MoveResult>? finished, CancellationToken ct)
    {
        var run = await Service.RunMovesAsync(plan, parallelism, finished, ct);
        return (run.RunId, run.Results);
    }

    private bool Terminal => _env.IsInteractive && !Console.IsOutputRedirected && !_json;

    private void Line<T>(T document, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo) => _env.Out.WriteLine(JsonLines.Of(document, typeInfo));

    /// <summary>What one move did: its outcome, journal and transfer ids; its message and the exchange's error when it is not done.</summary>
    public static MoveResultDocument ResultOf(MoveResult r) => new(MoveDocument.Of(r.Move), PlanJson.OutcomeName(r.Outcome), [.. r.JournalIds],
        [.. r.Run.Route.Legs.Where(l => l.Entry.ExchangeId is not null).Select(l => new ExchangeIdValue(l.Entry.ExchangeId!))],
        r.Outcome != OutcomeKind.Done ? r.Run.Message : null,
        r.Outcome != OutcomeKind.Done ? PlanJson.ErrorOf(r.Run.Sent.LastOrDefault()?.Error) : null);

    private static string ResultText(MoveResult r)
    {
        var move = $"{r.Move.MoveId} {WireDecimal.Format(r.Move.Request.Amount)} {r.Move.Request.Asset} {r.Move.Request.From} → {r.Move.Request.To}";
        var ids = r.JournalIds.Count == 0 ? "" : $" (journal {string.Join(", ", r.JournalIds)})";
        return r.Outcome == OutcomeKind.Done ? $"{move}: done{ids}." : $"{move}: {PlanJson.OutcomeName(r.Outcome)} — {r.Run.Message}{ids}";
    }

    /// <summary>How many moves were planned, skipped and ended each way, and the weight the plan spends.</summary>
    public static MovesTallyDocument Tally(MovePlan plan, IReadOnlyList<MoveResult> results) => new(plan.Moves.Count, plan.Skipped.Count,
        Count(results, OutcomeKind.Done), Count(results, OutcomeKind.Rejected), Count(results, OutcomeKind.Unknown), Count(results, OutcomeKind.NotSent),
        plan.Moves.Sum(m => m.UidWeight), plan.Moves.Sum(m => m.IpWeight));

    private static int Count(IReadOnlyList<MoveResult> results, OutcomeKind kind) => results.Count(r => r.Outcome == kind);

    public static string Totals(IReadOnlyList<PlannedMove> moves) => moves.Count == 0 ? ""
        : " moving " + string.Join(", ", moves.GroupBy(m => m.Request.Asset).Select(g => $"{WireDecimal.Format(g.Sum(m => m.Request.Amount))} {g.Key}"));

    public ValueTask DisposeAsync() => Service.DisposeAsync();
}
