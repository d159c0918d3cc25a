using System.Globalization;
using Ferry.Simulator.Ledger;
using Ferry.Simulator.Scenario;

namespace Ferry.Simulator.Htx.Handlers;

/// <summary>GET /v1/account/accounts, GET /v1/account/accounts/{account-id}/balance and GET /v2/account/ledger, read
/// from the one ledger.</summary>
internal sealed class HtxAccountHandlers(SimLedger ledger)
{
    /// <summary>The longest window of one ledger query, and how far back records are kept.</summary>
    public static readonly TimeSpan LedgerWindow = TimeSpan.FromDays(10);
    public static readonly TimeSpan LedgerRetention = TimeSpan.FromDays(180);

    /// <summary>The user's accounts: one spot account (the simulator models no margin/otc/point accounts).</summary>
    public HtxResponse Accounts(HtxRequest r) => HtxResponse.Ok(HtxJson.V1Ok(w =>
    {
        w.WriteStartArray();
        w.WriteStartObject();
        w.WriteNumber("id", r.User.SpotAccountId);
        w.WriteString("type", "spot");
        w.WriteString("subtype", "");
        w.WriteString("state", "working");
        w.WriteEndObject();
        w.WriteEndArray();
    }));

    /// <summary>One row per (currency, type): "trade" from HTX_SPOT, "frozen" from HTX_SPOT_FROZEN; usdt is always listed.</summary>
    public HtxResponse Balance(HtxRequest r)
    {
        if (r.PathArgument != r.User.SpotAccountId.ToString(CultureInfo.InvariantCulture))
        {
            return HtxResponse.Fail(HtxErrors.V1AccountNotFound.Format(r.PathArgument ?? ""), r.NowMs);
        }

        var cells = ledger.Balances(r.User.Email).Where(b => b.Key.Wallet.Wallet is WalletKind.HtxSpot or WalletKind.HtxSpotFrozen).ToList();
        var currencies = cells.Select(c => c.Key.Asset).Append("USDT").Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        decimal Amount(string currency, WalletKind kind) => cells.Where(c => c.Key.Asset == currency && c.Key.Wallet.Wallet == kind).Sum(c => c.Value);
        return HtxResponse.Ok(HtxJson.V1Ok(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("id", r.User.SpotAccountId);
            w.WriteString("type", "spot");
            w.WriteString("state", "working");
            w.WriteStartArray("list");
            foreach (var currency in currencies)
            {
                foreach (var (type, kind) in new[] { ("trade", WalletKind.HtxSpot), ("frozen", WalletKind.HtxSpotFrozen) })
                {
                    w.WriteStartObject();
                    w.WriteString("currency", currency.ToLowerInvariant());
                    w.WriteString("type", type);
                    w.WriteString("balance", DecimalText.Plain(Amount(currency, kind)));
                    w.WriteEndObject();
                }
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }));
    }

    /// <summary>Spot ⇄ swap transfers of the caller's spot account, newest first; window at most 10 days (default the last
    /// 10 days), records of the last 180 days; pages of <c>limit</c> (1..500, default 100) from <c>fromId</c>, <c>nextId</c>
    /// when more remain.</summary>
    public HtxResponse Ledger(HtxRequest r)
    {
        HtxResponse Fail(HtxError error) => HtxResponse.Fail(error, r.NowMs);
        if (r.QueryText("accountId") is { } account && account != r.User.SpotAccountId.ToString(CultureInfo.InvariantCulture)) return Fail(HtxErrors.V2InvalidParameter);
        if (r.QueryText("transactTypes") is { } types && types != "transfer") return Fail(HtxErrors.V2InvalidParameter);
        var currency = r.QueryText("currency")?.ToUpperInvariant();
        if (currency is not null && !ScenarioReader.IsCode(currency)) return Fail(HtxErrors.V2CurrencyMissing);
        if (!Long(r, "startTime", out var start) || !Long(r, "endTime", out var end) || !Long(r, "limit", out var limit) || !Long(r, "fromId", out var fromId))
            return Fail(HtxErrors.V2InvalidParameter);
        var windowMs = (long)LedgerWindow.TotalMilliseconds;
        var to = end ?? (start is { } s0 ? Math.Min(s0 + windowMs, r.NowMs) : r.NowMs);
        var from = start ?? to - windowMs;
        if (from > to || to - from > windowMs || limit is < 1 or > 500) return Fail(HtxErrors.V2InvalidParameter);
        from = Math.Max(from, r.NowMs - (long)LedgerRetention.TotalMilliseconds);

        var spot = WalletAddress.Of(r.User.Email, WalletKind.HtxSpot);
        var size = (int)(limit ?? 100);
        // One row past the page says whether another page follows (its id is nextId).
        var rows = ledger.ReadHistoryPage(new HistoryQuery(HistoryKey.Wallet(spot), from, to,
            m => m.Channel == MoveChannels.HtxSpotSwapTransfer && (m.From == spot || m.To == spot) &&
                 (currency is null || m.Asset == currency) && (fromId is null || m.Id <= fromId),
            0, size + 1)).Rows;
        var page = rows.Take(size).ToList();
        long? nextId = rows.Count > size ? rows[size].Id : null;
        return HtxResponse.Ok(HtxJson.V2Ok(w =>
        {
            w.WriteStartArray();
            foreach (var m in page)
            {
                var intoSpot = m.To == spot;
                w.WriteStartObject();
                w.WriteNumber("accountId", r.User.SpotAccountId);
                w.WriteString("currency", m.Asset.ToLowerInvariant());
                HtxJson.Number(w, "transactAmt", intoSpot ? m.Amount : -m.Amount);
                w.WriteString("transactType", "transfer");
                w.WriteString("transferType", m.Type);
                w.WriteNumber("transactId", m.Id);
                w.WriteNumber("transactTime", m.TimestampMs);
                w.WriteNumber("transferer", intoSpot ? r.User.SwapAccountId : r.User.SpotAccountId);
                w.WriteNumber("transferee", intoSpot ? r.User.SpotAccountId : r.User.SwapAccountId);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }, "success", nextId));
    }

    private static bool Long(HtxRequest r, string name, out long? value)
    {
        value = null;
        var text = r.QueryText(name);
        if (text is null) return true;
        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var v)) return false;
        value = v;
        return true;
    }
}
