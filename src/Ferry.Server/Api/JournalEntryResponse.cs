namespace Ferry.Server.Api;

/// <summary>One journaled leg: what it is, its state, and what is known of its current attempt.</summary>
public sealed record JournalEntryResponse(string Id, string State, string Venue, string Account, string Endpoint, string From, string To, string Asset,
    string Amount, int Attempt, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string? RouteId, int? RouteLeg, string? ExchangeId, string? ErrorCode,
    string? Message);
