namespace Ferry.Server.Api;

/// <summary>One transfer as the exchange records it.</summary>
public sealed record HistoryRowResponse(DateTimeOffset Time, string TransferId, string Type, string? From, string? To, string Asset, string Amount, string Status);
