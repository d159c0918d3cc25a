using Ferry.Core.Money;
using Ferry.Engine.Service;
using Ferry.Server.Api;

namespace Ferry.Server.Plans;

/// <summary>A move planned through the engine's door: a Binance route (one or more legs) or a lone HTX transfer.</summary>
internal sealed class TransferServerPlan(TransferProposal proposal) : ServerPlan
{
    private const string MoveId = "m1";

    public override string Kind => "transfer";

    public override string Account => proposal.Home.Name;

    public override bool TouchesMainnet => proposal.TouchesMainnet;

    public override IReadOnlyList<PlanMoveResponse> Moves =>
    [
        new(MoveId, proposal.Request.From.ToString(), proposal.Request.To.ToString(), proposal.Request.Asset, WireDecimal.Format(proposal.Request.Amount),
            [.. proposal.Legs.Select((leg, i) => PlanDescriptions.Leg(leg, i + 1, proposal.LegAccounts[i].Environment))]),
    ];

    public override async Task<ExecutionResponse> ExecuteAsync(string planId, TransferService service, Action<ExecutionMoveResponse> finished, CancellationToken ct)
    {
        // The accounts as configured now: one removed since the plan was made is refused by name, nothing sent.
        var current = proposal with
        {
            Home = service.Account(proposal.Home.Venue, proposal.Home.Name),
            LegAccounts = [.. proposal.LegAccounts.Select(a => service.Account(a.Venue, a.Name))],
        };
        var execution = current.Route is null ? await service.ExecuteAsync(current, ct).ConfigureAwait(false) : await service.RunRouteAsync(current, ct).ConfigureAwait(false);
        var move = execution.Route is { } route ? RunResults.Route(MoveId, route, execution.LastSend) : RunResults.Lone(MoveId, execution.Entry!, execution.LastSend!);
        finished(move);
        return new ExecutionResponse(planId, Kind, move.Outcome, [move], move.Message);
    }
}
