using System.Text.Json.Nodes;
using Ferry.Engine.Accounts;
using Ferry.Cli.Commands;
using Ferry.Cli.Output.Json;
using Ferry.Cli.Sessions;
using Ferry.Engine.Moves;
using Ferry.Core.Outcomes;
using ModelContextProtocol.Protocol;

namespace Ferry.Cli.Mcp;

/// <summary>
/// Many independent moves planned from balances just read (<c>plan_sweep</c>, kind "sweep"; <c>plan_rebalance</c>, kind
/// "rebalance"): each move a route of one or more legs. Executing runs them the way <c>ferry sweep</c> does — the journal
/// opened and recovered once, then <see cref="MoveRunner"/> (every leg journaled before it is sent, rate budget reserved
/// before each leg, moves concurrently within it).
/// </summary>
/// <param name="kind">"sweep" or "rebalance".</param>
/// <param name="what">"Sweep USDT into spot": names the run in the consent summary.</param>
/// <param name="plan">The moves and the skipped sources, as planned.</param>
/// <param name="target">The account the plan was made with (its key read the balances).</param>
/// <param name="accounts">Every account a leg uses, with its environment, decided when the plan was made.</param>
/// <param name="request">The arguments as the plan tool read them (nothing secret).</param>
internal sealed class SweepPlanKind(string kind, string what, MovePlan plan, SessionTarget target,
    IReadOnlyDictionary<string, SessionTarget> accounts, MovesRequestDocument request) : McpPlan
{
    /// <summary>Moves in flight at once, as <c>ferry sweep</c>'s default <c>--parallel</c>.</summary>
    public const int Parallelism = 16;

    public override string Kind => kind;

    public MovePlan Plan => plan;

    public override bool TouchesMainnet =>
        plan.Moves.Count > 0 && (target.Environment == AccountEnvironment.Mainnet || accounts.Values.Any(t => t.Environment == AccountEnvironment.Mainnet));

    public override string ConsentSummary =>
        $"{what} on MAINNET with account '{target.AccountName}': {plan.Moves.Count} move(s){MovesExecution.Totals(plan.Moves)} ("
        + string.Join("; ", plan.Moves.Select(m => $"{m.MoveId}: {m.Request.From} → {m.Request.To} in {m.Route.Legs.Count} leg(s) with "
            + string.Join(", ", m.Route.Legs.Select(l => $"'{l.AccountName}'").Distinct()))) + ").";

    public override JsonObject Describe() => ToolResults.Node(new SweepPlanDescription(request, [.. plan.Moves.Select(Move)],
        [.. plan.Skipped.Select(s => new SkippedSourceDocument(s.Address, s.Reason))], plan.Moves.Sum(m => m.UidWeight), plan.Moves.Sum(m => m.IpWeight),
        TouchesMainnet, Sent: false), CliJsonContext.Default.SweepPlanDescription);

    private SweepPlanMoveDocument Move(PlannedMove move) => new(MoveDocument.Of(move),
        [.. move.Route.Legs.Select((leg, i) => new SweepPlanLegDocument(leg, i + 1, Environment(accounts.TryGetValue(leg.AccountName, out var t) ? t : target)))],
        move.IpWeight, move.UidWeight);

    private static string Environment(SessionTarget t) => t.Environment.ToString().ToLowerInvariant();

    public override async Task<CallToolResult> ExecuteAsync(string planId, CliBridge bridge, CancellationToken ct)
    {
        var (runId, results) = await bridge.WithEnvironmentAsync(async env =>
        {
            // As 'ferry sweep': refuses testnet, opens the session and the journal once and recovers before anything is sent.
            await using var run = await MovesExecution.OpenAsync(env, target, json: true, ct);
            var unresolved = await run.UnresolvedFromAsync(ct);
            foreach (var move in plan.Moves)
            {
                if (move.Request.From.Email is { } email && unresolved(email) is { } reason)
                    throw CliException.Refused($"Plan {planId} was not run, because {move.Request.From}'s {reason}; nothing was sent, so make a new plan afterwards.");
            }

            return plan.Moves.Count == 0 ? ("", []) : await run.RunMovesAsync(plan, Parallelism, null, ct);
        });

        var typeInfo = CliJsonContext.Default.SweepRunDocument;
        SweepRunDocument Document(string message) => new(planId, Kind, runId, Outcome(results), [.. results.Select(MovesExecution.ResultOf)],
            MovesExecution.Tally(plan, results), message);
        if (results.All(r => r.Outcome == OutcomeKind.Done))
            return ToolResults.Ok(Document(plan.Moves.Count == 0 ? "Nothing to move." : $"{results.Count} move(s) done."), typeInfo);

        var failed = results.Where(r => r.Outcome != OutcomeKind.Done).ToList();
        var first = failed.FirstOrDefault(r => r.Outcome == OutcomeKind.Unknown) ?? failed.FirstOrDefault(r => r.Outcome == OutcomeKind.Rejected) ?? failed[0];
        var done = results.Count - failed.Count;
        var tally = $"{done} of {results.Count} move(s) done";
        var moveText = $"{first.Move.MoveId} ({first.Move.Request.From} → {first.Move.Request.To})";
        var document = Document(first.Run.Message);
        return first.Outcome switch
        {
            OutcomeKind.Unknown => ToolResults.Error("unknown",
                $"{tally}; the outcome of {moveText} is UNKNOWN and it may have executed, so run journal_reconcile before planning again (journal {string.Join(", ", first.JournalIds)}).",
                null, document, typeInfo),
            OutcomeKind.Rejected => ToolResults.Error("rejected",
                $"{tally}; the exchange refused {moveText} ({first.Run.Sent.LastOrDefault()?.Error?.Message ?? first.Run.Message}), and the moves list says where its money is.",
                first.Run.Sent.LastOrDefault()?.Error?.Code, document, typeInfo),
            _ => ToolResults.Error(ToolResults.KindOf(ExitCodes.ForNotSent(first.Run.NotSentReason ?? NotSentReason.RateBudget)),
                $"{tally}; {moveText} was not sent ({first.Run.Message}).", null, document, typeInfo),
        };
    }

    private static string Outcome(IReadOnlyList<MoveResult> results) =>
        results.Any(r => r.Outcome == OutcomeKind.Unknown) ? "unknown"
        : results.Any(r => r.Outcome == OutcomeKind.Rejected) ? "rejected"
        : results.Any(r => r.Outcome == OutcomeKind.NotSent) ? "not-sent"
        : "done";
}
