namespace Ferry.Simulator.Ledger.ManagedSubAccounts;

/// <summary>One row of the managed transfer logs.</summary>
public sealed record ManagedTransferRow(
    long TranId, string FromEmail, WalletKind FromWallet, string ToEmail, WalletKind ToWallet, string Asset, decimal Amount,
    long ScheduledMs, long CreateTimeMs);
