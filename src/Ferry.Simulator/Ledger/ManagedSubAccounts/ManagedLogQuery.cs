namespace Ferry.Simulator.Ledger.ManagedSubAccounts;

/// <summary>A transfer-log query: the window on createTime, the direction seen from the managed sub-account
/// (FROM: out of it, TO: into it) and the account type on its side.</summary>
public sealed record ManagedLogQuery(long StartMs, long EndMs, string? Direction, WalletKind? AccountType, int Page, int Limit);
