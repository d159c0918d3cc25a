using Ferry.Engine.Routing;
using Ferry.Engine.Transfers;

namespace Ferry.Engine.Moves;

/// <summary>One move of a sweep or rebalance: what a person asked for (<see cref="Request"/>) and the route the planner
/// chose for it (<see cref="Route"/>, one or more legs).</summary>
/// <param name="MoveId">Stable within one plan: m1, m2, … in plan order.</param>
/// <param name="Request">The move as a person states it.</param>
/// <param name="Route">The legs, from <see cref="TransferRouter.Plan"/>.</param>
public sealed record PlannedMove(string MoveId, TransferRequest Request, TransferPlan Route)
{
    /// <summary>The total UID weight of the route's legs (what it costs against the per-endpoint budgets).</summary>
    public int UidWeight => Route.Legs.Sum(l => l.EndpointRow.UidWeight);

    /// <summary>The total IP weight of the route's legs.</summary>
    public int IpWeight => Route.Legs.Sum(l => l.EndpointRow.IpWeight);
}

/// <summary>A source or wallet that gets no move, and why (e.g. "free 0.5 is below --min 1").</summary>
public sealed record SkippedWallet(string Address, string Reason);

/// <summary>The moves to make, in order, and what was left out.</summary>
public sealed record MovePlan(IReadOnlyList<PlannedMove> Moves, IReadOnlyList<SkippedWallet> Skipped)
{
    /// <summary>Plans a move for each request (ids m1, m2, …) with <paramref name="route"/>.</summary>
    public static IReadOnlyList<PlannedMove> Number(IEnumerable<TransferRequest> requests, Func<TransferRequest, TransferPlan> route) =>
        requests.Select((r, i) => new PlannedMove($"m{i + 1}", r, route(r))).ToList();
}
