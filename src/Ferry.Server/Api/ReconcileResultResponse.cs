namespace Ferry.Server.Api;

/// <summary>What reconciling one entry concluded.</summary>
public sealed record ReconcileResultResponse(string JournalId, string State, string Reason);
