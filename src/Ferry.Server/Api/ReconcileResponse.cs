namespace Ferry.Server.Api;

/// <summary>What reconciling concluded, entry by entry; <c>Outcome</c> is unknown while any entry stays unknown.</summary>
public sealed record ReconcileResponse(string Outcome, IReadOnlyList<ReconcileResultResponse> Results);
