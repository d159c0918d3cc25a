using Ferry.Simulator.Ledger;
using Ferry.Simulator.Ledger.SubAccounts;
using Ferry.Simulator.Scenario;

namespace Ferry.Simulator.Binance.Handlers.OwnWallets;

/// <summary>The caller's own wallets (a master's, or a sub-account key's own): spot, funding, the wallet overview, cross
/// and isolated margin, and USDⓈ-M / COIN-M futures on their own paths (/fapi, /dapi). All are USER_DATA reads with the
/// reading permission; IP weights from reference §5b.2 (none is UID-weighted). The futures rows share one IP budget per
/// path family, as /api does.</summary>
internal static class OwnWalletEndpoints
{
    public static IReadOnlyList<SimEndpoint> Create(SimLedger ledger, SubAccountBalances valuation)
    {
        var wallets = new OwnWalletHandlers(ledger, valuation);
        var margin = new OwnMarginHandlers(ledger, valuation);
        var futures = new OwnFuturesHandlers(ledger);
        const EndpointSecurity signed = EndpointSecurity.Signed;
        const Permission read = Permission.EnableReading;
        return
        [
            new("GET", "/api/v3/account", signed, 20, 0, read, wallets.SpotAccount),
            new("POST", "/sapi/v3/asset/getUserAsset", signed, 5, 0, read, wallets.UserAssets),
            new("POST", "/sapi/v1/asset/get-funding-asset", signed, 1, 0, read, wallets.FundingAssets),
            // CONFLICT: the legacy EN page wants "Permits Universal Transfer" on the key; the zh-CN page and PY-SDK do not.
            // The simulator takes the reading permission (the newer pages).
            new("GET", "/sapi/v1/asset/wallet/balance", signed, 60, 0, read, wallets.WalletOverview),
            new("GET", "/sapi/v1/margin/account", signed, 10, 0, read, margin.CrossAccount),
            new("GET", "/sapi/v1/margin/isolated/account", signed, 10, 0, read, margin.IsolatedAccount),
            new("GET", "/fapi/v3/balance", signed, 5, 0, read, futures.UsdmBalance),
            new("GET", "/fapi/v2/balance", signed, 5, 0, read, futures.UsdmBalance),
            new("GET", "/fapi/v3/account", signed, 5, 0, read, futures.UsdmAccountV3),
            // CONFLICT: Binance.Net books /fapi/v2/account at 10; the docs and PY-SDK say 5 (taken here).
            new("GET", "/fapi/v2/account", signed, 5, 0, read, futures.UsdmAccountV2),
            new("GET", "/dapi/v1/balance", signed, 1, 0, read, futures.CoinBalance),
            new("GET", "/dapi/v1/account", signed, 5, 0, read, futures.CoinAccount),
        ];
    }
}
