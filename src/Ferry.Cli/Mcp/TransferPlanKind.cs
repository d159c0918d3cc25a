using System.Text.Json.Nodes;
using Ferry.Accounts;
using Ferry.Cli.Commands;
using Ferry.Cli.Output;
using Ferry.Cli.Sessions;
using Ferry.Money;
using Ferry.Outcomes;
using Ferry.Transfers;
using ModelContextProtocol.Protocol;

namespace Ferry.Cli.Mcp;

/// <summary>
/// A transfer route planned by <c>plan_transfer</c>: its legs in order, each with the account whose key sends it.
/// Executing runs the legs in order through the CLI's one journaled send path and stops at the first leg that is not done.
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

    public override JsonObject Describe() => new()
    {
        ["request"] = new JsonObject
        {
            ["amount"] = WireDecimal.Format(plan.Request.Amount), ["asset"] = plan.Request.Asset,
            ["from"] = plan.Request.From.ToString(), ["to"] = plan.Request.To.ToString(),
        },
        ["legs"] = new JsonArray(plan.Legs.Select((leg, i) => (JsonNode)Leg(leg, i, legTargets[i])).ToArray()),
        ["needsConfirmation"] = TouchesMainnet,
        ["sent"] = false,
    };

    private static JsonObject Leg(TransferLeg leg, int index, SessionTarget target)
    {
        var json = LegJson.Plan(leg);
        json["index"] = index + 1;
        json["environment"] = Environment(target);
        json["summary"] = leg.Summary;
        json["ipWeight"] = leg.EndpointRow.IpWeight;
        json["uidWeight"] = leg.EndpointRow.UidWeight;
        return json;
    }

    private static string Environment(SessionTarget target) => target.Environment.ToString().ToLowerInvariant();

    public override async Task<CallToolResult> ExecuteAsync(string planId, CliBridge bridge, CancellationToken ct)
    {
        var results = new JsonArray();
        LegResult? failed = null;
        string? failedJournalId = null;
        for (var i = 0; i < plan.Legs.Count && failed is null; i++)
        {
            var leg = plan.Legs[i];
            var (result, journalId) = await SendLegAsync(bridge, legTargets[i], leg, ct);
            var row = new JsonObject
            {
                ["index"] = i + 1, ["journalId"] = journalId, ["outcome"] = PlanJson.OutcomeName(result.Kind), ["endpoint"] = leg.Endpoint,
                ["account"] = leg.AccountName, ["tranId"] = LegJson.Id(result.TransferId), ["clientTranId"] = leg.ClientTranId,
            };
            if (result.Error is not null) row["error"] = PlanJson.Error(result.Error);
            if (result.Kind is not (OutcomeKind.Done or OutcomeKind.Rejected)) row["message"] = result.Message;
            results.Add(row);
            if (result.Kind != OutcomeKind.Done) (failed, failedJournalId) = (result, journalId);
        }

        var document = new JsonObject
        {
            ["planId"] = planId, ["kind"] = Kind, ["outcome"] = failed is null ? "done" : PlanJson.OutcomeName(failed.Kind),
            ["legs"] = results, ["legsRun"] = results.Count, ["legsTotal"] = plan.Legs.Count,
        };
        if (failed is null) return ToolResults.Ok(document);

        var n = results.Count;
        var of = $"Leg {n} of {plan.Legs.Count}";
        var after = n > 1 ? $" Legs 1..{n - 1} are done; nothing after leg {n} was sent." : "";
        return failed.Kind switch
        {
            OutcomeKind.Rejected => ToolResults.Error("rejected",
                $"{of} was refused by the exchange ({failed.Error!.Message}), so it moved nothing.{after}", failed.Error.Code, document),
            OutcomeKind.Unknown => ToolResults.Error("unknown",
                $"The outcome of {of.ToLowerInvariant()} is UNKNOWN ({failed.Message}); it may have executed, so run journal_reconcile with id {failedJournalId} before trying again.{after}", details: document),
            _ => ToolResults.Error(ToolResults.KindOf(ExitCodes.ForNotSent(failed.NotSentReason)), $"{of} was not sent: {failed.Message}{after}", details: document),
        };
    }

    /// <summary>
    /// Sends one leg the way <c>ferry transfer</c> does: a session for the leg's account, then the CLI's journaled send
    /// (recover what a crash left, journal before sending, record what came back). The one place a route's leg is sent;
    /// swap for the route runner once multi-leg routes land.
    /// </summary>
    private static async Task<(LegResult Result, string JournalId)> SendLegAsync(CliBridge bridge, SessionTarget target, TransferLeg leg, CancellationToken ct)
    {
        if (target.Environment == AccountEnvironment.Testnet)
            throw CliException.Refused("Binance's testnet does not serve /sapi endpoints, so wallet transfers cannot run there; use the simulator instead.");
        return await bridge.WithEnvironmentAsync(async env =>
        {
            await using var session = await BinanceSession.OpenAsync(target, env, ct);
            return await JournaledLegSend.SendAsync(env, new Printer(env, json: true), session, target.AccountName, leg, ct);
        });
    }
}
