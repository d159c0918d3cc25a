namespace Ferry.Engine.History;

/// <summary>Transfers between a master and its sub-accounts: the master's view over <paramref name="SubAccounts"/>, or,
/// for a sub-account's own key, that sub-account's view (<paramref name="SubAccounts"/> is then ignored).</summary>
public sealed record SubAccountHistoryQuery(string Email, bool OwnView, IReadOnlyList<string> SubAccounts, DateTimeOffset From, DateTimeOffset To)
    : HistoryQuery(From, To);
