namespace Ferry.Server.Api;

/// <summary>One leg after a run, as the journal holds it.</summary>
public sealed record ExecutionLegResponse(int Position, string JournalId, string State, string Endpoint, string Account, string? ExchangeId, string? ErrorCode,
    string? Message);
