namespace Ferry.Server.Api;

/// <summary>What one move did: its outcome (done, rejected, not-sent, unknown), route id, where the money is, and its legs.</summary>
public sealed record ExecutionMoveResponse(string MoveId, string Outcome, string? RouteId, string Holding, IReadOnlyList<ExecutionLegResponse> Legs, string Message);
