namespace Ferry.Engine.History;

/// <summary>Universal transfers between one account's own wallets (GET /sapi/v1/asset/transfer), one read per selection.</summary>
public sealed record WalletHistoryQuery(IReadOnlyList<UniversalHistorySelection> Selections, DateTimeOffset From, DateTimeOffset To)
    : HistoryQuery(From, To);
