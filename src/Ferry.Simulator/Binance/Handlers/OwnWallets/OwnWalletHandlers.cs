using System.Text.Json;
using Ferry.Simulator.Ledger;
using Ferry.Simulator.Ledger.SubAccounts;

namespace Ferry.Simulator.Binance.Handlers.OwnWallets;

/// <summary>Spot (GET /api/v3/account, POST /sapi/v3/asset/getUserAsset), funding (POST /sapi/v1/asset/get-funding-asset)
/// and the wallet overview (GET /sapi/v1/asset/wallet/balance) of the caller's own account. Amounts are 8-decimal strings
/// as in the docs' examples; the simulator locks, freezes and withdraws nothing, so those fields are zero.</summary>
internal sealed class OwnWalletHandlers(SimLedger ledger, SubAccountBalances valuation)
{
    // The overview's rows in the order of the docs' example (reference §5b.4); wallets the simulator does not hold read 0.
    private static readonly (string Name, WalletKind? Kind)[] OverviewRows =
    [
        ("Spot", WalletKind.Spot), ("Funding", WalletKind.Funding), ("Cross Margin", WalletKind.Margin),
        ("Isolated Margin", WalletKind.IsolatedMargin), ("USDⓈ-M Futures", WalletKind.UsdtFuture),
        ("COIN-M Futures", WalletKind.CoinFuture), ("Earn", null), ("Options", WalletKind.Option),
        ("Trading Bots", null), ("Copy Trading", null),
    ];

    /// <summary>GET /api/v3/account: every asset the simulated exchange knows, or only non-zero ones with omitZeroBalances=true.</summary>
    public SimResponse SpotAccount(SimRequest r)
    {
        if (r.Flag("omitZeroBalances", out var omitZero) is { } e) return SimResponse.Fail(e);
        var held = OwnCells.Of(ledger, r.Owner!, WalletKind.Spot);
        IEnumerable<string> assets = omitZero ? held.Keys : ledger.Totals().Keys.Union(held.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal);
        return SimResponse.Ok(JsonBody.Write(w =>
        {
            w.WriteStartObject();
            // Commission figures are the docs' example values: the simulator trades nothing.
            w.WriteNumber("makerCommission", 15);
            w.WriteNumber("takerCommission", 15);
            w.WriteNumber("buyerCommission", 0);
            w.WriteNumber("sellerCommission", 0);
            w.WriteStartObject("commissionRates");
            w.Str("maker", 0.0015m);
            w.Str("taker", 0.0015m);
            w.Str("buyer", 0m);
            w.Str("seller", 0m);
            w.WriteEndObject();
            w.WriteBoolean("canTrade", true);
            w.WriteBoolean("canWithdraw", true);
            w.WriteBoolean("canDeposit", true);
            w.WriteBoolean("brokered", false);
            w.WriteBoolean("requireSelfTradePrevention", false);
            w.WriteBoolean("preventSor", false);
            w.WriteNumber("updateTime", r.NowMs);
            w.WriteString("accountType", "SPOT");
            w.WriteStartArray("balances");
            foreach (var asset in assets)
            {
                w.WriteStartObject();
                w.WriteString("asset", asset);
                w.Str("free", held.GetValueOrDefault(asset));
                w.Str("locked", 0m);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("permissions");
            w.WriteStringValue("SPOT");
            w.WriteEndArray();
            w.WriteNumber("uid", OwnCells.Uid(r.Owner!));
            w.WriteEndObject();
        }));
    }

    /// <summary>POST /sapi/v3/asset/getUserAsset: the spot wallet's positive assets (optionally one), as an array.</summary>
    public SimResponse UserAssets(SimRequest r) => AssetArray(r, WalletKind.Spot, withIpoable: true);

    /// <summary>POST /sapi/v1/asset/get-funding-asset: the funding wallet's positive assets (optionally one), as an array.</summary>
    public SimResponse FundingAssets(SimRequest r) => AssetArray(r, WalletKind.Funding, withIpoable: false);

    private SimResponse AssetArray(SimRequest r, WalletKind wallet, bool withIpoable)
    {
        if (r.Flag("needBtcValuation", out var valued) is { } e) return SimResponse.Fail(e);
        var only = r.Text("asset")?.ToUpperInvariant();
        var held = OwnCells.Of(ledger, r.Owner!, wallet);
        return SimResponse.Ok(JsonBody.Write(w =>
        {
            w.WriteStartArray();
            foreach (var (asset, free) in held.Where(h => h.Value > 0m && (only is null || h.Key == only)))
            {
                w.WriteStartObject();
                w.WriteString("asset", asset);
                w.Str("free", free);
                w.Str("locked", 0m);
                w.Str("freeze", 0m);
                w.Str("withdrawing", 0m);
                if (withIpoable) w.Str("ipoable", 0m);
                w.Str("btcValuation", valued ? valuation.ToBtc(asset, free) : 0m);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }));
    }

    /// <summary>GET /sapi/v1/asset/wallet/balance: one row per wallet valued in quoteAsset (default BTC); with
    /// needBalanceDetail=true each row lists its assets.</summary>
    public SimResponse WalletOverview(SimRequest r)
    {
        if (r.Flag("needBalanceDetail", out var detail) is { } e) return SimResponse.Fail(e);
        var quote = (r.Text("quoteAsset") ?? "BTC").ToUpperInvariant();
        var perQuote = quote == "BTC" ? 1m : valuation.ToBtc(quote, 1m);
        if (perQuote == 0m) return SimResponse.Fail(RequestParams.Malformed("quoteAsset"));
        var user = ledger.FindUser(r.Owner!);
        var cells = ledger.Balances(r.Owner!);
        return SimResponse.Ok(JsonBody.Write(w =>
        {
            w.WriteStartArray();
            foreach (var (name, kind) in OverviewRows)
            {
                var rows = kind is null ? [] : cells.Where(c => c.Key.Wallet.Wallet == kind).ToList();
                var btc = rows.Sum(c => valuation.ToBtc(c.Key.Asset, c.Value));
                w.WriteStartObject();
                w.WriteBoolean("activate", kind is null || (user?.HasWallet(kind.Value) ?? false));
                w.Str("balance", quote == "BTC" ? btc : Math.Round(btc / perQuote, 8, MidpointRounding.ToZero));
                w.WriteString("walletName", name);
                if (detail)
                {
                    w.WriteStartArray("assetBalances");
                    foreach (var (asset, free) in rows.GroupBy(c => c.Key.Asset, StringComparer.Ordinal).Select(g => (g.Key, g.Sum(c => c.Value))))
                    {
                        w.WriteStartObject();
                        w.WriteString("asset", asset);
                        w.WriteString("assetName", asset);
                        w.Str("free", free);
                        w.Str("locked", 0m);
                        w.Str("freeze", 0m);
                        w.Str("withdrawing", 0m);
                        w.Str("btcValuation", valuation.ToBtc(asset, free));
                        w.WriteEndObject();
                    }
                    w.WriteEndArray();
                }
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }));
    }
}
