using Ferry.Simulator.Ledger;

namespace Ferry.Simulator.Htx.Handlers;

/// <summary>The simulator's own HTX endpoint table: one row per endpoint (method, path, envelope, trade permission, rate
/// bucket and limit per UID, handler). Limits are the simulator's reading of the docs (reference §6.3).</summary>
internal static class HtxEndpoints
{
    public static IReadOnlyList<HtxSimEndpoint> Create(SimLedger ledger, HtxBook book, HtxSimSettings settings)
    {
        var accounts = new HtxAccountHandlers(ledger);
        var swap = new HtxSwapHandlers(ledger, book);
        var second = TimeSpan.FromSeconds(1);
        return
        [
            new("POST", "/v2/account/transfer", HtxStyle.V2, NeedsTrade: true, "transfer", settings.TransfersPerSecond, second,
                new HtxTransferHandler(ledger, book).Handle),
            new("GET", "/v1/account/accounts", HtxStyle.V1, NeedsTrade: false, "accounts", settings.AccountRequestsPer2Seconds,
                TimeSpan.FromSeconds(2), accounts.Accounts),
            new("GET", "/v1/account/accounts/{account-id}/balance", HtxStyle.V1, NeedsTrade: false, "account-balance",
                settings.AccountRequestsPer2Seconds, TimeSpan.FromSeconds(2), accounts.Balance),
            new("GET", "/v2/account/ledger", HtxStyle.V2, NeedsTrade: false, "account-ledger", settings.LedgerRequestsPerSecond, second,
                accounts.Ledger),
            new("POST", "/linear-swap-api/v1/swap_account_info", HtxStyle.Swap, NeedsTrade: false, "linear-swap-private",
                settings.SwapPrivateRequestsPer3Seconds, TimeSpan.FromSeconds(3), swap.Isolated),
            new("POST", "/linear-swap-api/v1/swap_cross_account_info", HtxStyle.Swap, NeedsTrade: false, "linear-swap-private",
                settings.SwapPrivateRequestsPer3Seconds, TimeSpan.FromSeconds(3), swap.Cross),
        ];
    }
}
