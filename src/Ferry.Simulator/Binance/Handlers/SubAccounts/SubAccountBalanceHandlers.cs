using System.Text.Json;
using Ferry.Simulator.Ledger;
using Ferry.Simulator.Ledger.SubAccounts;

namespace Ferry.Simulator.Binance.Handlers.SubAccounts;

/// <summary>The balances family: v3/v4 assets, spot summary, margin account and summary, futures account and summary
/// (v1 USDⓈ-M only; v2 by futuresType). Amount strings carry 8 decimals as the docs' examples do; v3 writes numbers.</summary>
internal sealed class SubAccountBalanceHandlers(SubAccountBalances book)
{
    /// <summary>The margin level the simulator reports (an assumed typical value: it lends nothing); the own-wallet margin reads use it too.</summary>
    internal const decimal NoDebtMarginLevel = 999m;

    /// <summary>GET /sapi/v3/sub-account/assets: balances as JSON numbers.</summary>
    public SimResponse AssetsV3(SimRequest r) => Assets(r, numbers: true);

    /// <summary>GET /sapi/v4/sub-account/assets: balances as JSON strings.</summary>
    public SimResponse AssetsV4(SimRequest r) => Assets(r, numbers: false);

    private SimResponse Assets(SimRequest r, bool numbers)
    {
        if (r.Required("email", out var email) is { } e) return SimResponse.Fail(e);
        if (book.SpotAssets(r.Owner!, email, out var balances) is { } failure) return SubAccountRequests.Fail(failure);
        return SimResponse.Ok(JsonBody.Write(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("balances");
            foreach (var (asset, free) in balances)
            {
                w.WriteStartObject();
                w.WriteString("asset", asset);
                foreach (var (name, value) in (ReadOnlySpan<(string, decimal)>)[("free", free), ("locked", 0m), ("freeze", 0m), ("withdrawing", 0m)])
                {
                    if (numbers) w.Num(name, value);
                    else w.Str(name, value);
                }
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }));
    }

    /// <summary>GET /sapi/v1/sub-account/spotSummary: BTC value of each spot wallet; page default 1, size default 10, max 20.</summary>
    public SimResponse SpotSummary(SimRequest r)
    {
        if (r.Int("page", 1, 1, int.MaxValue, out var page) is { } e1) return SimResponse.Fail(e1);
        if (r.Int("size", 10, 1, 20, out var size) is { } e2) return SimResponse.Fail(e2);
        if (book.SpotSummary(r.Owner!, r.Text("email"), out var master, out var subs) is { } failure) return SubAccountRequests.Fail(failure);
        return SimResponse.Ok(JsonBody.Write(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("totalCount", subs.Count);
            w.Str("masterAccountTotalAsset", master);
            w.WriteStartArray("spotSubUserAssetBtcVoList");
            foreach (var (email, btc) in subs.Skip((int)Math.Min((long)(page - 1) * size, int.MaxValue)).Take(size))
            {
                w.WriteStartObject();
                w.WriteString("email", email);
                w.Str("totalAsset", btc);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }));
    }

    /// <summary>GET /sapi/v1/sub-account/margin/account.</summary>
    public SimResponse MarginAccount(SimRequest r)
    {
        if (r.Required("email", out var email) is { } e) return SimResponse.Fail(e);
        if (book.MarginAccount(r.Owner!, email, out var subEmail, out var assets) is { } failure) return SubAccountRequests.Fail(failure);
        var total = assets.Sum(a => book.ToBtc(a.Asset, a.Free));
        return SimResponse.Ok(JsonBody.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("email", subEmail);
            w.Str("marginLevel", NoDebtMarginLevel);
            w.Str("totalAssetOfBtc", total);
            w.Str("totalLiabilityOfBtc", 0m);
            w.Str("totalNetAssetOfBtc", total);
            w.WriteStartObject("marginTradeCoeffVo");
            w.Str("forceLiquidationBar", 1.1m);
            w.Str("marginCallBar", 1.5m);
            w.Str("normalBar", 2m);
            w.WriteEndObject();
            w.WriteStartArray("marginUserAssetVoList");
            foreach (var a in assets)
            {
                w.WriteStartObject();
                w.WriteString("asset", a.Asset);
                w.Str("borrowed", 0m);
                w.Str("free", a.Free);
                w.Str("interest", 0m);
                w.Str("locked", 0m);
                w.Str("netAsset", a.Free);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }));
    }

    /// <summary>GET /sapi/v1/sub-account/margin/accountSummary: every sub-account with margin.</summary>
    public SimResponse MarginSummary(SimRequest r)
    {
        if (book.MarginSummary(r.Owner!, out var subs) is { } failure) return SubAccountRequests.Fail(failure);
        var values = subs.Select(s => (Email: s.Key, Btc: s.Value.Sum(a => book.ToBtc(a.Asset, a.Free)))).ToList();
        return SimResponse.Ok(JsonBody.Write(w =>
        {
            w.WriteStartObject();
            var total = values.Sum(v => v.Btc);
            w.Str("totalAssetOfBtc", total);
            w.Str("totalLiabilityOfBtc", 0m);
            w.Str("totalNetAssetOfBtc", total);
            w.WriteStartArray("subAccountList");
            foreach (var (email, btc) in values)
            {
                w.WriteStartObject();
                w.WriteString("email", email);
                w.Str("totalAssetOfBtc", btc);
                w.Str("totalLiabilityOfBtc", 0m);
                w.Str("totalNetAssetOfBtc", btc);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }));
    }

    /// <summary>GET /sapi/v1/sub-account/futures/account: USDⓈ-M only, flat shape with the top-level "asset".</summary>
    public SimResponse FuturesAccountV1(SimRequest r)
    {
        if (r.Required("email", out var email) is { } e) return SimResponse.Fail(e);
        if (book.FuturesAccount(r.Owner!, email, "UM", out var account) is { } failure) return SubAccountRequests.Fail(failure);
        return SimResponse.Ok(JsonBody.Write(w =>
        {
            w.WriteStartObject();
            WriteUmAccount(w, account, r.NowMs, withAsset: true);
            w.WriteEndObject();
        }));
    }

    /// <summary>GET /sapi/v2/sub-account/futures/account: {"futureAccountResp": …} or {"deliveryAccountResp": …}.</summary>
    public SimResponse FuturesAccountV2(SimRequest r)
    {
        if (r.Required("email", out var email) is { } e1) return SimResponse.Fail(e1);
        if (r.FuturesType(out var type) is { } e2) return SimResponse.Fail(e2);
        if (book.FuturesAccount(r.Owner!, email, type == 1 ? "UM" : "CM", out var account) is { } failure) return SubAccountRequests.Fail(failure);
        return SimResponse.Ok(JsonBody.Write(w =>
        {
            w.WriteStartObject();
            w.WriteStartObject(type == 1 ? "futureAccountResp" : "deliveryAccountResp");
            if (type == 1)
            {
                WriteUmAccount(w, account, r.NowMs, withAsset: false);
            }
            else
            {
                w.WriteString("email", account.Email);
                WriteAssets(w, account);
                WriteFlags(w);
                w.WriteNumber("updateTime", r.NowMs);
            }
            w.WriteEndObject();
            w.WriteEndObject();
        }));
    }

    /// <summary>GET /sapi/v1/sub-account/futures/accountSummary: USDⓈ-M totals in USD; page default 1, limit default 10, max 20.</summary>
    public SimResponse FuturesSummaryV1(SimRequest r)
    {
        if (Paging(r, out var page, out var limit) is { } e) return SimResponse.Fail(e);
        if (book.FuturesSummary(r.Owner!, "UM", out var accounts) is { } failure) return SubAccountRequests.Fail(failure);
        return SimResponse.Ok(JsonBody.Write(w =>
        {
            w.WriteStartObject();
            WriteUsdSummary(w, accounts, page, limit);
            w.WriteEndObject();
        }));
    }

    /// <summary>GET /sapi/v2/sub-account/futures/accountSummary: {"futureAccountSummaryResp"} (USD) or {"deliveryAccountSummaryResp"} (BTC).</summary>
    public SimResponse FuturesSummaryV2(SimRequest r)
    {
        if (r.FuturesType(out var type) is { } e1) return SimResponse.Fail(e1);
        if (Paging(r, out var page, out var limit) is { } e2) return SimResponse.Fail(e2);
        if (book.FuturesSummary(r.Owner!, type == 1 ? "UM" : "CM", out var accounts) is { } failure) return SubAccountRequests.Fail(failure);
        return SimResponse.Ok(JsonBody.Write(w =>
        {
            w.WriteStartObject();
            if (type == 1)
            {
                w.WriteStartObject("futureAccountSummaryResp");
                WriteUsdSummary(w, accounts, page, limit);
                w.WriteEndObject();
            }
            else
            {
                var rows = accounts.Select(a => (a.Email,
                    Margin: a.Assets.Sum(l => book.ToBtc(l.Asset, l.MarginBalance)),
                    Pnl: a.Assets.Sum(l => book.ToBtc(l.Asset, l.UnrealizedProfit)),
                    Wallet: a.Assets.Sum(l => book.ToBtc(l.Asset, l.WalletBalance)))).ToList();
                w.WriteStartObject("deliveryAccountSummaryResp");
                w.Str("totalMarginBalanceOfBTC", rows.Sum(x => x.Margin));
                w.Str("totalUnrealizedProfitOfBTC", rows.Sum(x => x.Pnl));
                w.Str("totalWalletBalanceOfBTC", rows.Sum(x => x.Wallet));
                w.WriteString("asset", "BTC");
                w.WriteStartArray("subAccountList");
                foreach (var x in rows.Skip((page - 1) * limit).Take(limit))
                {
                    w.WriteStartObject();
                    w.WriteString("email", x.Email);
                    w.Str("totalMarginBalance", x.Margin);
                    w.Str("totalUnrealizedProfit", x.Pnl);
                    w.Str("totalWalletBalance", x.Wallet);
                    w.WriteString("asset", "BTC");
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndObject();
        }));
    }

    private static BinanceError? Paging(SimRequest r, out int page, out int limit)
    {
        limit = 10;
        return r.Int("page", 1, 1, 100_000, out page) ?? r.Int("limit", 10, 1, 20, out limit);
    }

    private static void WriteAssets(Utf8JsonWriter w, FuturesAccountView account)
    {
        w.WriteStartArray("assets");
        foreach (var l in account.Assets)
        {
            w.WriteStartObject();
            w.WriteString("asset", l.Asset);
            w.Str("initialMargin", l.PositionInitialMargin);
            w.Str("maintenanceMargin", l.MaintenanceMargin);
            w.Str("marginBalance", l.MarginBalance);
            w.Str("maxWithdrawAmount", l.MaxWithdrawAmount);
            w.Str("openOrderInitialMargin", 0m);
            w.Str("positionInitialMargin", l.PositionInitialMargin);
            w.Str("unrealizedProfit", l.UnrealizedProfit);
            w.Str("walletBalance", l.WalletBalance);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void WriteFlags(Utf8JsonWriter w)
    {
        w.WriteBoolean("canDeposit", true);
        w.WriteBoolean("canTrade", true);
        w.WriteBoolean("canWithdraw", true);
        w.WriteNumber("feeTier", 0);
    }

    /// <summary>The USDⓈ-M account body: totals are over the account's USD-stable assets (USDT, BUSD, USDC, FDUSD).</summary>
    private void WriteUmAccount(Utf8JsonWriter w, FuturesAccountView account, long nowMs, bool withAsset)
    {
        w.WriteString("email", account.Email);
        if (withAsset) w.WriteString("asset", "USDT");
        WriteAssets(w, account);
        WriteFlags(w);
        var t = Totals([account]);
        w.Str("maxWithdrawAmount", account.Assets.Sum(l => book.ToUsd(l.Asset, l.MaxWithdrawAmount)));
        WriteTotals(w, t);
        w.WriteNumber("updateTime", nowMs);
    }

    private void WriteUsdSummary(Utf8JsonWriter w, IReadOnlyList<FuturesAccountView> accounts, int page, int limit)
    {
        WriteTotals(w, Totals(accounts));
        w.WriteString("asset", "USD");
        w.WriteStartArray("subAccountList");
        foreach (var a in accounts.Skip((page - 1) * limit).Take(limit))
        {
            w.WriteStartObject();
            w.WriteString("email", a.Email);
            WriteTotals(w, Totals([a]));
            w.WriteString("asset", "USD");
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private (decimal Initial, decimal Maintenance, decimal Margin, decimal Position, decimal Pnl, decimal Wallet) Totals(IEnumerable<FuturesAccountView> accounts)
    {
        var lines = accounts.SelectMany(a => a.Assets).ToList();
        decimal Usd(Func<FuturesAssetLine, decimal> pick) => lines.Sum(l => book.ToUsd(l.Asset, pick(l)));
        return (Usd(l => l.PositionInitialMargin), Usd(l => l.MaintenanceMargin), Usd(l => l.MarginBalance),
            Usd(l => l.PositionInitialMargin), Usd(l => l.UnrealizedProfit), Usd(l => l.WalletBalance));
    }

    private static void WriteTotals(Utf8JsonWriter w, (decimal Initial, decimal Maintenance, decimal Margin, decimal Position, decimal Pnl, decimal Wallet) t)
    {
        w.Str("totalInitialMargin", t.Initial);
        w.Str("totalMaintenanceMargin", t.Maintenance);
        w.Str("totalMarginBalance", t.Margin);
        w.Str("totalOpenOrderInitialMargin", 0m);
        w.Str("totalPositionInitialMargin", t.Position);
        w.Str("totalUnrealizedProfit", t.Pnl);
        w.Str("totalWalletBalance", t.Wallet);
    }
}
