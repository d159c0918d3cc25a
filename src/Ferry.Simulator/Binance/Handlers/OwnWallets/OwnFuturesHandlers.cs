using System.Text.Json;
using Ferry.Simulator.Ledger;

namespace Ferry.Simulator.Binance.Handlers.OwnWallets;

/// <summary>USDⓈ-M (/fapi) and COIN-M (/dapi) balances and accounts of the caller's own futures wallets. The simulator
/// holds no positions or orders on them: margins, unrealized PnL and positions are zero or empty, so available, wallet
/// and margin balances all equal the wallet's balance. Only assets with a balance are listed, each with the answer's
/// time as its updateTime (a row with updateTime 0 means "never used", which ccxt skips).</summary>
internal sealed class OwnFuturesHandlers(SimLedger ledger)
{
    /// <summary>GET /fapi/v3/balance (and v2, same shape).</summary>
    public SimResponse UsdmBalance(SimRequest r) => Balance(r, WalletKind.UsdtFuture, usdm: true);

    /// <summary>GET /dapi/v1/balance: withdrawAvailable instead of maxWithdrawAmount, no marginAvailable.</summary>
    public SimResponse CoinBalance(SimRequest r) => Balance(r, WalletKind.CoinFuture, usdm: false);

    /// <summary>GET /fapi/v3/account: totals, assets, positions (none).</summary>
    public SimResponse UsdmAccountV3(SimRequest r) => UsdmAccount(r, v2: false);

    /// <summary>GET /fapi/v2/account: as v3 plus the account's flags and fee tier.</summary>
    public SimResponse UsdmAccountV2(SimRequest r) => UsdmAccount(r, v2: true);

    private SimResponse Balance(SimRequest r, WalletKind wallet, bool usdm)
    {
        if (Refusal(r, wallet) is { } refused) return refused;
        var assets = OwnCells.Of(ledger, r.Owner!, wallet);
        var alias = OwnCells.Alias(r.Owner!);
        return SimResponse.Ok(JsonBody.Write(w =>
        {
            w.WriteStartArray();
            foreach (var (asset, balance) in assets)
            {
                w.WriteStartObject();
                w.WriteString("accountAlias", alias);
                w.WriteString("asset", asset);
                w.Str("balance", balance);
                if (!usdm) w.Str("withdrawAvailable", balance);
                w.Str("crossWalletBalance", balance);
                w.Str("crossUnPnl", 0m);
                w.Str("availableBalance", balance);
                if (usdm)
                {
                    w.Str("maxWithdrawAmount", balance);
                    w.WriteBoolean("marginAvailable", true);
                }
                w.WriteNumber("updateTime", r.NowMs);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }));
    }

    private SimResponse UsdmAccount(SimRequest r, bool v2)
    {
        if (Refusal(r, WalletKind.UsdtFuture) is { } refused) return refused;
        var assets = OwnCells.Of(ledger, r.Owner!, WalletKind.UsdtFuture);
        // Single-asset mode: the totals count USDT only (docs' comment).
        var usdt = assets.GetValueOrDefault("USDT");
        return SimResponse.Ok(JsonBody.Write(w =>
        {
            w.WriteStartObject();
            if (v2)
            {
                w.WriteNumber("feeTier", 0);
                w.WriteBoolean("feeBurn", false);
                w.WriteBoolean("canTrade", true);
                w.WriteBoolean("canDeposit", true);
                w.WriteBoolean("canWithdraw", true);
                w.WriteNumber("updateTime", 0);
                w.WriteBoolean("multiAssetsMargin", false);
                w.WriteNumber("tradeGroupId", -1);
            }
            foreach (var name in (ReadOnlySpan<string>)["totalInitialMargin", "totalMaintMargin"]) w.Str(name, 0m);
            w.Str("totalWalletBalance", usdt);
            w.Str("totalUnrealizedProfit", 0m);
            w.Str("totalMarginBalance", usdt);
            foreach (var name in (ReadOnlySpan<string>)["totalPositionInitialMargin", "totalOpenOrderInitialMargin"]) w.Str(name, 0m);
            w.Str("totalCrossWalletBalance", usdt);
            w.Str("totalCrossUnPnl", 0m);
            w.Str("availableBalance", usdt);
            w.Str("maxWithdrawAmount", usdt);
            w.WriteStartArray("assets");
            foreach (var (asset, balance) in assets) WriteAsset(w, asset, balance, r.NowMs, marginAvailable: v2);
            w.WriteEndArray();
            w.WriteStartArray("positions");
            w.WriteEndArray();
            w.WriteEndObject();
        }));
    }

    /// <summary>GET /dapi/v1/account: assets (in the coin), positions (none), flags.</summary>
    public SimResponse CoinAccount(SimRequest r)
    {
        if (Refusal(r, WalletKind.CoinFuture) is { } refused) return refused;
        var assets = OwnCells.Of(ledger, r.Owner!, WalletKind.CoinFuture);
        return SimResponse.Ok(JsonBody.Write(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("assets");
            foreach (var (asset, balance) in assets) WriteAsset(w, asset, balance, r.NowMs, marginAvailable: false);
            w.WriteEndArray();
            w.WriteStartArray("positions");
            w.WriteEndArray();
            w.WriteBoolean("canDeposit", true);
            w.WriteBoolean("canTrade", true);
            w.WriteBoolean("canWithdraw", true);
            w.WriteNumber("feeTier", 0);
            w.WriteNumber("updateTime", r.NowMs);
            w.WriteEndObject();
        }));
    }

    private static void WriteAsset(Utf8JsonWriter w, string asset, decimal balance, long now, bool marginAvailable)
    {
        w.WriteStartObject();
        w.WriteString("asset", asset);
        w.Str("walletBalance", balance);
        w.Str("unrealizedProfit", 0m);
        w.Str("marginBalance", balance);
        foreach (var name in (ReadOnlySpan<string>)["maintMargin", "initialMargin", "positionInitialMargin", "openOrderInitialMargin"]) w.Str(name, 0m);
        w.Str("crossWalletBalance", balance);
        w.Str("crossUnPnl", 0m);
        w.Str("availableBalance", balance);
        w.Str("maxWithdrawAmount", balance);
        if (marginAvailable) w.WriteBoolean("marginAvailable", true);
        w.WriteNumber("updateTime", now);
        w.WriteEndObject();
    }

    // An account whose futures are not enabled: -2015, as users report for keys without futures (reference §5b.1, unverified).
    private SimResponse? Refusal(SimRequest r, WalletKind wallet) =>
        ledger.FindUser(r.Owner!) is { } user && user.HasWallet(wallet) ? null : SimResponse.Fail(BinanceErrors.FuturesNotEnabled);
}
