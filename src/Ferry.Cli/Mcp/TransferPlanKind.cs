using Ferry.Engine.Execution;
using System.Text.Json.Nodes;
using Ferry.Engine.Accounts;
using Ferry.Cli.Commands;
using Ferry.Cli.Output;
using Ferry.Cli.Output.Json;
using Ferry.Cli.Sessions;
using Ferry.Core.Money;
using Ferry.Core.Outcomes;
using Ferry.Engine.Service;
using Ferry.Engine.Transfers;
using ModelContextProtocol.Protocol;

namespace Ferry.Cli.Mcp;

/// <summary>
/// A transfer route planned by <c>plan_transfer</c>: its legs in order, each with the account whose key sends it.
/// Executing runs it through the route runner (the CLI's journaled path): legs in order, each only after the previous is done.
/// </summary>
internal sealed class TransferPlanKind(TransferPlan plan, IReadOnlyList<SessionTarget> legTargets) : McpPlan
{
    public override string Kind => "transfer";

    public override bool TouchesMainnet => legTargets.Any(t => t.Environment == AccountEnvironment.Mainnet);

    public override string ConsentSummary
    {
        get
        {
            var request = plan.Request;
            var legs = plan.Legs.Select((leg, i) =>
                $"leg {i + 1}: {WireDecimal.Format(leg.Amount)} {leg.Asset} {leg.From} → {leg.To} via {leg.Endpoint} with {Environment(legTargets[i])} account '{leg.AccountName}'");
            return $"Move {WireDecimal.Format(request.Amount)} {request.Asset} from {request.From} to {request.To} on MAINNET ({string.Join("; ", legs)}).";
        }
    }

    public override JsonObject Describe() => ToolResults.Node(new TransferPlanDescription(
        new TransferRequestDocument(WireDecimal.Format(plan.Request.Amount), plan.Request.Asset, plan.Request.From.ToString(), plan.Request.To.ToString()),
        [.. plan.Legs.Select((leg, i) => new TransferPlanLegDocument(leg, i + 1, Environment(legTargets[i])))],
        TouchesMainnet, Sent: false), CliJsonContext.Default.TransferPlanDescription);

    private static string Environment(SessionTarget target) => target.Environment.ToString().ToLowerInvariant();

    public override async Task<CallToolResult> ExecuteAsync(string planId, CliBridge bridge, CancellationToken ct)
    {
        if (legTargets.Any(t => t.Environment == AccountEnvironment.Testnet))
            throw CliException.Refused("Binance's testnet does not serve /sapi endpoints, so wallet transfers cannot run there; use the simulator instead.");
        var (route, last) = await RunRouteAsync(bridge, ct);

        var results = route.Legs.Select(l => new TransferRunLegDocument(l.Position, l.Entry.Id, Ferry.Engine.Journal.LegStates.Name(l.Entry.State),
            l.Entry.Leg.Endpoint, l.Entry.Leg.AccountName, ExchangeIdValue.Of(l.Entry.ExchangeId), l.Entry.Leg.ClientTranId ?? plan.Legs[l.Position - 1].ClientTranId,
            l.Entry.ErrorCode,
            l.Entry.State is Ferry.Engine.Journal.LegState.Done or Ferry.Engine.Journal.LegState.Planned ? null : l.Entry.Message)).ToList();

        var legsRun = route.StoppedAt ?? plan.Legs.Count;
        var outcome = route.Status switch
        {
            Ferry.Engine.Execution.RouteStatus.Complete => "done",
            Ferry.Engine.Execution.RouteStatus.Unknown => "unknown",
            _ => last?.Kind == OutcomeKind.NotSent ? "not-sent" : "rejected",
        };
        var document = new TransferRunDocument(planId, Kind, route.RouteId, outcome, route.Holding, results, legsRun, plan.Legs.Count, route.Message);
        var typeInfo = CliJsonContext.Default.TransferRunDocument;
        if (route.Status == Ferry.Engine.Execution.RouteStatus.Complete) return ToolResults.Ok(document, typeInfo);

        var of = $"Leg {legsRun} of {plan.Legs.Count}";
        var where = $" The money is in {route.Holding}; nothing after leg {legsRun} was sent"
            + (plan.Legs.Count > 1 ? $"; journal_resume with id {route.RouteId} continues the route." : ".");
        return route.Status == Ferry.Engine.Execution.RouteStatus.Unknown
            ? ToolResults.Error("unknown",
                $"The outcome of {of.ToLowerInvariant()} is UNKNOWN ({last?.Message ?? route.Message}); it may have executed, so run journal_reconcile with id {route.Legs[legsRun - 1].Entry.Id} before trying again.{where}", null, document, typeInfo)
            : last?.Kind == OutcomeKind.NotSent
                ? ToolResults.Error(ToolResults.KindOf(ExitCodes.ForNotSent(last.NotSentReason)), $"{of} was not sent: {last.Message}{where}", null, document, typeInfo)
                : ToolResults.Error("rejected",
                    $"{of} was refused by the exchange ({last?.Error?.Message ?? route.Message}), so it moved nothing.{where}", last?.Error?.Code, document, typeInfo);
    }

    /// <summary>
    /// Runs the plan through the engine's door, as <c>ferry transfer</c> does: sessions for the accounts the legs name,
    /// recovery of what a crash left, every leg journaled before the first is sent, each sent only after the previous is done.
    /// </summary>
    private async Task<(Ferry.Engine.Execution.RouteResult Route, Ferry.Engine.Journal.LegSendResult? Last)> RunRouteAsync(CliBridge bridge, CancellationToken ct) =>
        await bridge.WithEnvironmentAsync(async env =>
        {
            await using var service = CliServices.Open(env, json: true);
            var accounts = legTargets.Select(t => service.Account(Ferry.Engine.Addresses.Venue.Binance, t.AccountName)).ToList();
            var run = await service.RunRouteAsync(new TransferProposal(plan.Request, accounts[0], plan.Legs, accounts, plan), ct);
            return (run.Route!, run.LastSend);
        });
}
