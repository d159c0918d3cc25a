namespace Ferry.Cli.Output.Json;

/// <summary><c>ferry balances --json</c> on a real Binance account: every wallet read through the exchange's endpoints
/// (the same rows as on the simulator), the totals per asset over them, and the wallets that could not be read.</summary>
internal sealed record AccountBalancesDocument(TargetDocument Target, IReadOnlyList<BalanceDocument> Balances,
    IReadOnlyList<AssetTotalDocument> Totals, IReadOnlyList<UnreadWalletDocument> Unread);
