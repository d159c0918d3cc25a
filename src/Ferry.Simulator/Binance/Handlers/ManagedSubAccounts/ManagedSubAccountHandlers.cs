using System.Globalization;
using System.Text.Json;
using Ferry.Simulator.Ledger;
using Ferry.Simulator.Ledger.ManagedSubAccounts;
using Ferry.Simulator.Ledger.SubAccounts;

namespace Ferry.Simulator.Binance.Handlers.ManagedSubAccounts;

/// <summary>
/// The eleven /sapi/v1/managed-subaccount endpoints: thin readers of parameters and writers of the documented
/// shapes (reference §4.4); roles, moves, schedules and snapshots live in <see cref="ManagedSubAccountBook"/>. Two
/// documented oddities are kept: fetch-future-asset answers <c>"code": "200"</c> (a string) and numbers for its amounts,
/// accountSnapshot answers <c>"code": 200</c> (a number) and strings with 8 decimals.
/// </summary>
internal sealed class ManagedSubAccountHandlers(ManagedSubAccountBook book)
{
    /// <summary>"half a year" between startTime and endTime of the transfer logs, taken as 183 days.</summary>
    private const int LogMaxDays = 183;

    /// <summary>"the last month" of accountSnapshot, taken as 30 days.</summary>
    private const int SnapshotMaxDays = 30;

    private const long Day = 86_400_000;

    private static readonly WalletKind[] LogAccountTypes =
        [WalletKind.Spot, WalletKind.Margin, WalletKind.IsolatedMargin, WalletKind.UsdtFuture, WalletKind.CoinFuture];

    /// <summary>POST deposit (toEmail, asset, amount) → {"tranId": n}.</summary>
    public SimResponse Deposit(SimRequest r)
    {
        if (Email(r, "toEmail", out var toEmail) is { } e1) return SimResponse.Fail(e1);
        if (Asset(r, out var asset) is { } e2) return SimResponse.Fail(e2);
        if (r.Amount("amount", out var amount) is { } e3) return SimResponse.Fail(e3);
        return book.Transfers.Deposit(r.Owner!, toEmail, asset, amount, out var tranId) is { } failure ? Fail(failure) : TranId(tranId);
    }

    /// <summary>POST withdraw (fromEmail, asset, amount, transferDate?) → {"tranId": n}; a future transferDate schedules it.</summary>
    public SimResponse Withdraw(SimRequest r)
    {
        if (Email(r, "fromEmail", out var fromEmail) is { } e1) return SimResponse.Fail(e1);
        if (Asset(r, out var asset) is { } e2) return SimResponse.Fail(e2);
        if (r.Amount("amount", out var amount) is { } e3) return SimResponse.Fail(e3);
        if (r.Long("transferDate", out var date) is { } e4) return SimResponse.Fail(e4);
        return book.Transfers.Withdraw(r.Owner!, fromEmail, asset, amount, date, out var tranId, out _) is { } failure ? Fail(failure) : TranId(tranId);
    }

    /// <summary>GET deposit/address (email, coin, network?, amount?) → {"coin", "address", "tag", "url"}.</summary>
    public SimResponse DepositAddress(SimRequest r)
    {
        if (Email(r, "email", out var email) is { } e1) return SimResponse.Fail(e1);
        if (r.Code("coin", out var coin) is { } e2) return SimResponse.Fail(e2);
        if (coin is null) return SimResponse.Fail(RequestParams.Malformed("coin"));
        if (r.Code("network", out var network) is { } e3) return SimResponse.Fail(e3);
        if (r.Text("amount") is { } text && !decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _))
        {
            return SimResponse.Fail(RequestParams.Malformed("amount"));
        }
        if (book.Queries.DepositAddress(r.Owner!, email, coin, network, out var address) is { } failure) return Fail(failure);
        return SimResponse.Ok(JsonBody.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("coin", address.Coin);
            w.WriteString("address", address.Address);
            w.WriteString("tag", address.Tag);
            w.WriteString("url", address.Url);
            w.WriteEndObject();
        }));
    }

    /// <summary>GET asset (email) → an array of the spot wallet: coin, name, totalBalance, availableBalance, inOrder, btcValue
    /// (strings). The simulator has no open orders, so inOrder is 0; <c>name</c> is the coin code (assumed).</summary>
    public SimResponse Asset(SimRequest r)
    {
        if (Email(r, "email", out var email) is { } e) return SimResponse.Fail(e);
        if (book.Queries.SpotAssets(r.Owner!, email, out var balances) is { } failure) return Fail(failure);
        return SimResponse.Ok(JsonBody.Write(w =>
        {
            w.WriteStartArray();
            foreach (var (coin, amount) in balances)
            {
                w.WriteStartObject();
                w.WriteString("coin", coin);
                w.WriteString("name", coin);
                w.WriteString("totalBalance", DecimalText.Plain(amount));
                w.WriteString("availableBalance", DecimalText.Plain(amount));
                w.WriteString("inOrder", "0");
                w.WriteString("btcValue", DecimalText.Plain(book.Queries.ToBtc(coin, amount)));
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }));
    }

    /// <summary>GET fetch-future-asset (email, accountType? USDT_FUTURE | COIN_FUTURE, default USDT_FUTURE) →
    /// {"code": "200", "message": "OK", "snapshotVos": [{"type": "FUTURES", "updateTime", "data": {"assets", "position"}}]}.</summary>
    public SimResponse FuturesAsset(SimRequest r)
    {
        if (Email(r, "email", out var email) is { } e) return SimResponse.Fail(e);
        var accountType = r.Text("accountType") ?? "USDT_FUTURE";
        if (accountType is not ("USDT_FUTURE" or "COIN_FUTURE")) return SimResponse.Fail(RequestParams.Malformed("accountType"));
        var market = accountType == "USDT_FUTURE" ? "UM" : "CM";
        if (book.Queries.FuturesAssets(r.Owner!, email, market, out var account, out var positions) is { } failure) return Fail(failure);
        return SimResponse.Ok(JsonBody.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("code", "200");
            w.WriteString("message", "OK");
            w.WriteStartArray("snapshotVos");
            w.WriteStartObject();
            w.WriteString("type", "FUTURES");
            w.WriteNumber("updateTime", r.NowMs);
            w.WriteStartObject("data");
            w.WriteStartArray("assets");
            foreach (var a in account.Assets)
            {
                w.WriteStartObject();
                w.WriteString("asset", a.Asset);
                w.Num("marginBalance", a.MarginBalance);
                w.Num("walletBalance", a.WalletBalance);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("position");
            foreach (var p in positions)
            {
                w.WriteStartObject();
                w.WriteString("symbol", p.Symbol);
                w.Num("entryPrice", p.EntryPrice);
                w.Num("markPrice", p.MarkPrice);
                w.Num("positionAmt", p.Amount);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        }));
    }

    /// <summary>GET info (email?, page default 1, limit default 20, capped at 20) → {"total", "managerSubUserInfoVoList"}.</summary>
    public SimResponse Info(SimRequest r)
    {
        if (r.Email("email", out var email) is { } e1) return SimResponse.Fail(e1);
        if (r.Int("page", 1, 1, int.MaxValue, out var page) is { } e2) return SimResponse.Fail(e2);
        if (r.Int("limit", 20, 1, 20, out var limit) is { } e3) return SimResponse.Fail(e3);
        if (book.Queries.List(r.Owner!, email, out var rootUserId, out var views) is { } failure) return Fail(failure);
        return SimResponse.Ok(JsonBody.Write(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("total", views.Count);
            w.WriteStartArray("managerSubUserInfoVoList");
            foreach (var v in views.Skip((int)Math.Min((long)(page - 1) * limit, int.MaxValue)).Take(limit))
            {
                w.WriteStartObject();
                w.WriteNumber("rootUserId", rootUserId);
                w.WriteNumber("managersubUserId", v.SubUserId);
                w.WriteNumber("bindParentUserId", v.Profile.TradingTeamUserId);
                w.WriteString("email", v.User.Email);
                w.WriteNumber("insertTimeStamp", v.Profile.InsertTimeMs);
                w.WriteString("bindParentEmail", v.Profile.TradingTeamEmail);
                w.WriteBoolean("isSubUserEnabled", !v.Frozen);
                w.WriteBoolean("isUserActive", true);
                w.WriteBoolean("isMarginEnabled", v.User.MarginEnabled);
                w.WriteBoolean("isFutureEnabled", v.User.FuturesEnabled);
                w.WriteBoolean("isSignedLVTRiskAgreement", v.Profile.SignedLvtRiskAgreement);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }));
    }

    /// <summary>GET marginAsset (email, accountType? MARGIN | ISOLATED_MARGIN, default MARGIN) → margin level, BTC totals and
    /// userAssets (strings, 8 decimals). The simulator lends nothing: no debt, marginLevel 999.</summary>
    public SimResponse MarginAsset(SimRequest r)
    {
        if (Email(r, "email", out var email) is { } e) return SimResponse.Fail(e);
        var accountType = r.Text("accountType") ?? "MARGIN";
        if (accountType is not ("MARGIN" or "ISOLATED_MARGIN")) return SimResponse.Fail(RequestParams.Malformed("accountType"));
        if (book.Queries.MarginAssets(r.Owner!, email, accountType == "ISOLATED_MARGIN", out var balances) is { } failure) return Fail(failure);
        return SimResponse.Ok(JsonBody.Write(w =>
        {
            w.WriteStartObject();
            WriteMargin(w, balances);
            w.WriteEndObject();
        }));
    }

    /// <summary>GET accountSnapshot (email, type SPOT | MARGIN | FUTURES, startTime?, endTime?, limit 7..30 default 7) →
    /// {"code": 200, "msg": "", "snapshotVos": [...]}, oldest first. startTime older than 30 days → -1102; a window over
    /// 30 days → -1127; limit outside 7..30 is moved to the nearest bound (assumed).</summary>
    public SimResponse AccountSnapshot(SimRequest r)
    {
        if (Email(r, "email", out var email) is { } e1) return SimResponse.Fail(e1);
        ManagedSnapshotType type;
        switch (r.Text("type"))
        {
            case "SPOT": type = ManagedSnapshotType.Spot; break;
            case "MARGIN": type = ManagedSnapshotType.Margin; break;
            case "FUTURES": type = ManagedSnapshotType.Futures; break;
            default: return SimResponse.Fail(RequestParams.Malformed("type"));
        }
        if (r.Long("startTime", out var start) is { } e2) return SimResponse.Fail(e2);
        if (r.Long("endTime", out var end) is { } e3) return SimResponse.Fail(e3);
        if (r.Long("limit", out var limitValue) is { } e4) return SimResponse.Fail(e4);
        var limit = (int)Math.Clamp(limitValue ?? ManagedSubAccountQueries.MinSnapshotLimit, ManagedSubAccountQueries.MinSnapshotLimit, ManagedSubAccountQueries.MaxSnapshotLimit);
        var s = start ?? r.NowMs - SnapshotMaxDays * Day;
        var t = end ?? r.NowMs;
        if (s > t) return SimResponse.Fail(RequestParams.Malformed("startTime"));
        if (start < r.NowMs - SnapshotMaxDays * Day) return SimResponse.Fail(BinanceErrors.ManagedSnapshotTooOld.Format("startTime"));
        if (t - s > SnapshotMaxDays * Day) return SimResponse.Fail(BinanceErrors.IntervalTooLong.Format((SnapshotMaxDays * 24).ToString(CultureInfo.InvariantCulture)));
        if (book.Queries.Snapshots(r.Owner!, email, type, s, t, limit, out var snapshots) is { } failure) return Fail(failure);
        return SimResponse.Ok(JsonBody.Write(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("code", 200);
            w.WriteString("msg", "");
            w.WriteStartArray("snapshotVos");
            foreach (var snapshot in snapshots)
            {
                w.WriteStartObject();
                w.WriteStartObject("data");
                switch (type)
                {
                    case ManagedSnapshotType.Spot:
                        w.WriteStartArray("balances");
                        foreach (var (asset, free) in snapshot.Balances)
                        {
                            w.WriteStartObject();
                            w.WriteString("asset", asset);
                            w.Str("free", free);
                            w.Str("locked", 0m);
                            w.WriteEndObject();
                        }
                        w.WriteEndArray();
                        w.Str("totalAssetOfBtc", snapshot.Balances.Sum(b => book.Queries.ToBtc(b.Key, b.Value)));
                        break;
                    case ManagedSnapshotType.Margin:
                        WriteMargin(w, snapshot.Balances);
                        break;
                    default:
                        w.WriteStartArray("assets");
                        foreach (var (asset, wallet) in snapshot.Balances)
                        {
                            var profit = asset == "USDT" ? snapshot.Positions.Sum(p => p.UnrealizedProfit) : 0m;
                            w.WriteStartObject();
                            w.WriteString("asset", asset);
                            w.Str("marginBalance", wallet + profit);
                            w.Str("walletBalance", wallet);
                            w.WriteEndObject();
                        }
                        w.WriteEndArray();
                        w.WriteStartArray("position");
                        foreach (var p in snapshot.Positions)
                        {
                            w.WriteStartObject();
                            w.Str("entryPrice", p.EntryPrice);
                            w.Str("markPrice", p.MarkPrice);
                            w.Str("positionAmt", p.Amount);
                            w.WriteString("symbol", p.Symbol);
                            w.Str("unRealizedProfit", p.UnrealizedProfit);
                            w.WriteEndObject();
                        }
                        w.WriteEndArray();
                        break;
                }
                w.WriteEndObject();
                w.WriteString("type", type.ToString().ToLowerInvariant());
                w.WriteNumber("updateTime", snapshot.UpdateTimeMs);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }));
    }

    /// <summary>GET queryTransLogForInvestor (investor master key; email).</summary>
    public SimResponse InvestorLog(SimRequest r) => Log(r, ManagedLogView.Investor);

    /// <summary>GET queryTransLogForTradeParent (trading-team master key; email).</summary>
    public SimResponse TradeParentLog(SimRequest r) => Log(r, ManagedLogView.TradingTeam);

    /// <summary>GET query-trans-log (the managed sub-account's own key; no email).</summary>
    public SimResponse SubAccountLog(SimRequest r) => Log(r, ManagedLogView.ManagedSubAccount);

    /// <summary>The three logs: startTime, endTime, page and limit are required (documented); the window is at most half a
    /// year (183 days; more → -1127); limit is capped at 500; transfers FROM | TO; transferFunctionAccountType SPOT |
    /// MARGIN | ISOLATED_MARGIN | USDT_FUTURE | COIN_FUTURE. → {"managerSubTransferHistoryVos": [...], "count": n}.</summary>
    private SimResponse Log(SimRequest r, ManagedLogView view)
    {
        string? email = null;
        if (view != ManagedLogView.ManagedSubAccount)
        {
            if (Email(r, "email", out var e) is { } e0) return SimResponse.Fail(e0);
            email = e;
        }
        foreach (var name in (ReadOnlySpan<string>)["startTime", "endTime", "page", "limit"])
        {
            if (r.Text(name) is null) return SimResponse.Fail(RequestParams.Malformed(name));
        }
        if (r.Long("startTime", out var start) is { } e1) return SimResponse.Fail(e1);
        if (r.Long("endTime", out var end) is { } e2) return SimResponse.Fail(e2);
        if (r.Int("page", 1, 1, int.MaxValue, out var page) is { } e3) return SimResponse.Fail(e3);
        if (r.Int("limit", 500, 1, 500, out var limit) is { } e4) return SimResponse.Fail(e4);
        if (start > end) return SimResponse.Fail(RequestParams.Malformed("startTime"));
        if (end - start > LogMaxDays * Day) return SimResponse.Fail(BinanceErrors.IntervalTooLong.Format((LogMaxDays * 24).ToString(CultureInfo.InvariantCulture)));
        var direction = r.Text("transfers");
        if (direction is not (null or "FROM" or "TO")) return SimResponse.Fail(RequestParams.Malformed("transfers"));
        WalletKind? accountType = null;
        if (r.Text("transferFunctionAccountType") is { } typeText)
        {
            if (!WalletNames.TryParse(typeText, out var kind) || !LogAccountTypes.Contains(kind)) return SimResponse.Fail(RequestParams.Malformed("transferFunctionAccountType"));
            accountType = kind;
        }
        var query = new ManagedLogQuery(start!.Value, end!.Value, direction, accountType, page, limit);
        if (book.Transfers.TransferLog(view, r.Owner!, email, query, out var rows, out var count) is { } failure) return Fail(failure);
        return SimResponse.Ok(JsonBody.Write(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("managerSubTransferHistoryVos");
            foreach (var row in rows)
            {
                w.WriteStartObject();
                w.WriteString("fromEmail", row.FromEmail);
                w.WriteString("fromAccountType", WalletNames.Name(row.FromWallet));
                w.WriteString("toEmail", row.ToEmail);
                w.WriteString("toAccountType", WalletNames.Name(row.ToWallet));
                w.WriteString("asset", row.Asset);
                w.WriteString("amount", DecimalText.Plain(row.Amount));
                w.WriteNumber("scheduledData", row.ScheduledMs);
                w.WriteNumber("createTime", row.CreateTimeMs);
                w.WriteString("status", "SUCCESS");
                w.WriteNumber("tranId", row.TranId);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteNumber("count", count);
            w.WriteEndObject();
        }));
    }

    private void WriteMargin(Utf8JsonWriter w, IReadOnlyList<KeyValuePair<string, decimal>> balances)
    {
        var btc = balances.Sum(b => book.Queries.ToBtc(b.Key, b.Value));
        w.Str("marginLevel", 999m);
        w.Str("totalAssetOfBtc", btc);
        w.Str("totalLiabilityOfBtc", 0m);
        w.Str("totalNetAssetOfBtc", btc);
        w.WriteStartArray("userAssets");
        foreach (var (asset, free) in balances)
        {
            w.WriteStartObject();
            w.WriteString("asset", asset);
            w.Str("borrowed", 0m);
            w.Str("free", free);
            w.Str("interest", 0m);
            w.Str("locked", 0m);
            w.Str("netAsset", free);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    /// <summary>A required e-mail parameter: missing → -1102, malformed → -4003.</summary>
    private static BinanceError? Email(SimRequest r, string name, out string email) => r.RequiredEmail(name, out email);

    private static BinanceError? Asset(SimRequest r, out string asset)
    {
        var error = r.Code("asset", out var value);
        asset = value ?? "";
        return error ?? (value is null ? RequestParams.Malformed("asset") : null);
    }

    private static SimResponse TranId(long tranId) => SimResponse.Ok(JsonBody.Write(w =>
    {
        w.WriteStartObject();
        w.WriteNumber("tranId", tranId);
        w.WriteEndObject();
    }));

    private static SimResponse Fail(ManagedSubAccountFailure failure) => SimResponse.Fail(failure switch
    {
        ManagedSubAccountFailure.WrongRole => BinanceErrors.ManagedWrongRole,
        ManagedSubAccountFailure.NotManaged => BinanceErrors.ManagedNoRelation,
        ManagedSubAccountFailure.InsufficientBalance => BinanceErrors.InsufficientBalance,
        ManagedSubAccountFailure.FuturesNotEnabled => BinanceErrors.FutureAccountMissing,
        ManagedSubAccountFailure.MarginNotEnabled => BinanceErrors.MarginAccountMissing,
        _ => BinanceErrors.TransferFailed,
    });
}
