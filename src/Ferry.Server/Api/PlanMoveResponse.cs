namespace Ferry.Server.Api;

/// <summary>One move of a plan (a transfer plan has one; a sweep or rebalance several): from, to, what, and its legs in order.</summary>
public sealed record PlanMoveResponse(string MoveId, string From, string To, string Asset, string Amount, IReadOnlyList<PlanLegResponse> Legs);
