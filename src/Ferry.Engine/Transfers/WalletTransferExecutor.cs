using Ferry.Binance;

namespace Ferry.Engine.Transfers;

/// <summary>
/// Sends one planned leg. It never resends: an unknown outcome is returned as such, for the
/// caller to resolve against the exchange's history (design principle 3).
/// </summary>
public static class WalletTransferExecutor
{
    public static async Task<TransferResult> ExecuteAsync(BinanceClient client, WalletTransferPlan plan, CancellationToken ct)
    {
        var outcome = await client.Wallet.UniversalTransferAsync(plan.ToRequest(), ct).ConfigureAwait(false);
        return TransferResult.From(plan, outcome, result => result.TranId);
    }
}
