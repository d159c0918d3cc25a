namespace Ferry.Server.Api;

/// <summary>What running a plan (or resuming a route) did: the overall outcome (the worst of its moves) and every move.</summary>
public sealed record ExecutionResponse(string? PlanId, string Kind, string Outcome, IReadOnlyList<ExecutionMoveResponse> Moves, string Message);
