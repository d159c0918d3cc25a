namespace Ferry.Server.Api;

/// <summary>An account's transfers between two times, newest first, and which record of the exchange was read.</summary>
public sealed record HistoryResponse(string Account, string Venue, string Environment, string Record, DateTimeOffset From, DateTimeOffset To,
    IReadOnlyList<HistoryRowResponse> Rows);
