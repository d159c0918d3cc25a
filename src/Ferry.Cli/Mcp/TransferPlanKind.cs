using System.Text.Json.Nodes;
using Ferry.Cli.Commands;
using Ferry.Cli.Output.Json;
using Ferry.Cli.Sessions;
using Ferry.Core.Money;
using Ferry.Core.Outcomes;
using Ferry.Engine.Accounts;
using Ferry.Engine.Execution;
using Ferry.Engine.Journal;
using Ferry.Engine.Service;
using ModelContextProtocol.Protocol;

namespace Ferry.Cli.Mcp;

/// <summary>
/// A move planned by <c>plan_transfer</c> through the engine's door: a Binance route (its legs in order, each with the
/// account whose key sends it) or a lone HTX transfer. Executing runs it through the same door as <c>ferry transfer</c>:
/// a route leg after leg, each only after the previous is done; an HTX transfer once, shown as a run of one leg.
/// </summary>
internal sealed class TransferPlanKind(TransferProposal proposal, PolicyPreviewDocument? policy = null) : McpPlan
{
    public override string Kind => "transfer";

    public override bool TouchesMainnet => proposal.TouchesMainnet;

    public override string ConsentSummary
    {
        get
        {
            var request = proposal.Request;
            var legs = proposal.Legs.Select((leg, i) =>
                $"leg {i + 1}: {WireDecimal.Format(leg.Amount)} {leg.Asset} {leg.From} → {leg.To} via {leg.Endpoint} with {Environment(proposal.LegAccounts[i])} account '{leg.AccountName}'");
            return $"Move {WireDecimal.Format(request.Amount)} {request.Asset} from {request.From} to {request.To} on MAINNET ({string.Join("; ", legs)}).";
        }
    }

    public override JsonObject Describe()
    {
        var document = ToolResults.Node(new TransferPlanDescription(
            new TransferRequestDocument(WireDecimal.Format(proposal.Request.Amount), proposal.Request.Asset, proposal.Request.From.ToString(), proposal.Request.To.ToString()),
            [.. proposal.Legs.Select((leg, i) => TransferPlanLegDocument.Of(leg, i + 1, Environment(proposal.LegAccounts[i])))],
            TouchesMainnet, Sent: false), CliJsonContext.Default.TransferPlanDescription);
        // What the transfer policy would decide now (absent without a policy file); execute_plan is judged again when it runs.
        if (policy is not null) document["policy"] = ToolResults.Node(policy, CliJsonContext.Default.PolicyPreviewDocument);
        return document;
    }

    private static string Environment(AccountDefinition account) => account.Environment.ToString().ToLowerInvariant();

    public override async Task<CallToolResult> ExecuteAsync(string planId, CliBridge bridge, CancellationToken ct)
    {
        var run = await bridge.WithEnvironmentAsync(async env =>
        {
            await using var service = CliServices.Open(env, json: true);
            // The accounts as configured now: one removed since the plan was made is refused by name, nothing sent.
            var current = proposal with
            {
                Home = service.Account(proposal.Home.Venue, proposal.Home.Name),
                LegAccounts = [.. proposal.LegAccounts.Select(a => service.Account(a.Venue, a.Name))],
            };
            var execution = current.Route is null ? await service.ExecuteAsync(current, ct) : await service.RunRouteAsync(current, ct);
            return execution.Route is { } route ? RouteRun(route, execution.LastSend) : LoneRun(execution.Entry!, execution.LastSend!);
        });

        var legsTotal = proposal.Legs.Count;
        var document = new TransferRunDocument(planId, Kind, run.RouteId, run.Outcome, run.Holding, run.Legs, run.LegsRun, legsTotal, run.Message);
        var typeInfo = CliJsonContext.Default.TransferRunDocument;
        if (run.Status == RouteStatus.Complete) return ToolResults.Ok(document, typeInfo);

        var last = run.Last;
        var of = $"Leg {run.LegsRun} of {legsTotal}";
        var where = $" The money is in {run.Holding}; nothing after leg {run.LegsRun} was sent"
            + (legsTotal > 1 ? $"; journal_resume with id {run.RouteId} continues the route." : ".");
        return run.Status == RouteStatus.Unknown
            ? ToolResults.Error("unknown",
                $"The outcome of {of.ToLowerInvariant()} is UNKNOWN ({last?.Message ?? run.Message}); it may have executed, so run journal_reconcile with id {run.Legs[run.LegsRun - 1].JournalId} before trying again.{where}", null, document, typeInfo)
            : last?.Kind == OutcomeKind.NotSent
                ? ToolResults.Error(ToolResults.KindOf(ExitCodes.ForNotSent(last.NotSentReason)), $"{of} was not sent: {last.Message}{where}", null, document, typeInfo)
                : ToolResults.Error("rejected",
                    $"{of} was refused by the exchange ({last?.Error?.Message ?? run.Message}), so it moved nothing.{where}", last?.Error?.Code, document, typeInfo);
    }

    /// <summary>What a run did, whether it was a route or a lone transfer.</summary>
    private sealed record Run(string? RouteId, RouteStatus Status, string Outcome, string Holding, IReadOnlyList<TransferRunLegDocument> Legs,
        int LegsRun, string Message, LegSendResult? Last);

    private Run RouteRun(RouteResult route, LegSendResult? last)
    {
        var legs = route.Legs.Select(l => Leg(l.Position, l.Entry, l.Entry.Leg.ClientTranId ?? proposal.Route?.Legs[l.Position - 1].ClientTranId)).ToList();
        var outcome = route.Status switch
        {
            RouteStatus.Complete => "done",
            RouteStatus.Unknown => "unknown",
            _ => last?.Kind == OutcomeKind.NotSent ? "not-sent" : "rejected",
        };
        return new Run(route.RouteId, route.Status, outcome, route.Holding, legs, route.StoppedAt ?? proposal.Legs.Count, route.Message, last);
    }

    /// <summary>A lone transfer (HTX) as a run of one leg: where the money is follows from its outcome, as for a route's leg.</summary>
    private static Run LoneRun(JournalEntry entry, LegSendResult last)
    {
        var (from, to) = (entry.Leg.From, entry.Leg.To);
        var (status, holding, message) = last.Kind switch
        {
            OutcomeKind.Done => (RouteStatus.Complete, to, $"Journal entry {entry.Id} is done: the money is in {to}."),
            OutcomeKind.Unknown => (RouteStatus.Unknown, $"{from} or {to}",
                $"The outcome of journal entry {entry.Id} is UNKNOWN, so the money is in {from} or {to}; run 'ferry journal reconcile {entry.Id}'."),
            _ => (RouteStatus.Stopped, from, $"Journal entry {entry.Id} moved nothing ({last.Message.TrimEnd('.')}); the money is still in {from}."),
        };
        return new Run(null, status, OutcomeNames.Of(last.Kind), holding, [Leg(1, entry, entry.Leg.ClientTranId)], 1, message, last);
    }

    private static TransferRunLegDocument Leg(int index, JournalEntry entry, string? clientTranId) => new(index, entry.Id, LegStates.Name(entry.State),
        entry.Leg.Endpoint, entry.Leg.AccountName, ExchangeIdValue.Of(entry.ExchangeId), clientTranId, entry.ErrorCode,
        entry.State is LegState.Done or LegState.Planned ? null : entry.Message);
}
