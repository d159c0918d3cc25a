namespace Ferry.Engine.History;

/// <summary>Cross (or one isolated) margin account transfers (GET /sapi/v1/margin/transfer).</summary>
public sealed record MarginHistoryQuery(string? Asset, string? IsolatedSymbol, DateTimeOffset From, DateTimeOffset To)
    : HistoryQuery(From, To);
