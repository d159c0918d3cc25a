using System.Text.Json;
using Ferry.Simulator.Ledger;

namespace Ferry.Simulator.Binance.Handlers.SubAccounts;

/// <summary>The four sub-account transfer histories, all read from the one ledger history, so a move shows with the
/// same id in every view that lists it (the master's and the sub-account's alike).</summary>
internal sealed class SubAccountHistoryHandlers(SimLedger ledger)
{
    /// <summary>GET /sapi/v1/sub-account/universalTransfer (master): moves made through the sub-account universal
    /// transfer; fromEmail XOR toEmail (default fromEmail = master), clientTranId, window ≤ 7 days (default the last 7),
    /// page (1) and limit (500, max 500). Answers {"result":[...],"totalCount":n}.</summary>
    public SimResponse UniversalTransferHistory(SimRequest r)
    {
        if (SubAccountRules.RequireMaster(ledger, r, out var master) is { } e0) return SimResponse.Fail(e0);
        if (Party(r, master, out var side, out var party) is { } e1) return SimResponse.Fail(e1);
        if (r.ClientTranId(out var clientTranId) is { } e2) return SimResponse.Fail(e2);
        if (r.Window(defaultDays: 7, maxSpanDays: 7, out var window) is { } e3) return SimResponse.Fail(e3);
        if (r.PageAndLimit(500, 500, out var page, out var limit) is { } e4) return SimResponse.Fail(e4);

        var rows = ledger.ReadHistoryPage(new HistoryQuery(
            HistoryKey.ChannelParty(MoveChannels.SubAccountUniversalTransfer, party), window.StartMs, window.EndMs,
            m => m.Channel == MoveChannels.SubAccountUniversalTransfer &&
                 SubAccountRules.Same(side == Side.From ? m.From.Owner : m.To.Owner, party) &&
                 (clientTranId is null || m.ClientId == clientTranId),
            RequestParams.Skip(page, limit), limit));
        return SimResponse.Ok(JsonBody.Write(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("result");
            foreach (var m in rows.Rows)
            {
                w.WriteStartObject();
                w.WriteNumber("tranId", m.Id);
                w.WriteString("fromEmail", m.From.Owner);
                w.WriteString("toEmail", m.To.Owner);
                w.WriteString("asset", m.Asset);
                w.WriteString("amount", DecimalText.Plain(m.Amount));
                w.WriteNumber("createTimeStamp", m.TimestampMs);
                w.WriteString("fromAccountType", WalletNames.Name(m.From.Wallet));
                w.WriteString("toAccountType", WalletNames.Name(m.To.Wallet));
                w.WriteString("status", "SUCCESS");
                w.WriteString("clientTranId", m.ClientId ?? "");
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteNumber("totalCount", rows.Total);
            w.WriteEndObject();
        }));
    }

    /// <summary>GET /sapi/v1/sub-account/sub/transfer/history (master): spot-to-spot moves between two accounts of the
    /// family, by any endpoint; fromEmail XOR toEmail (default fromEmail = master), window (default the last 30 days,
    /// assumed), page (1), limit (500). Answers a JSON <b>array</b>.</summary>
    public SimResponse SpotTransferHistory(SimRequest r)
    {
        if (SubAccountRules.RequireMaster(ledger, r, out var master) is { } e0) return SimResponse.Fail(e0);
        if (Party(r, master, out var side, out var party) is { } e1) return SimResponse.Fail(e1);
        if (r.Window(defaultDays: 30, maxSpanDays: null, out var window) is { } e2) return SimResponse.Fail(e2);
        if (r.PageAndLimit(500, 500, out var page, out var limit) is { } e3) return SimResponse.Fail(e3);

        var rows = ledger.ReadHistoryPage(new HistoryQuery(
            HistoryKey.Wallet(WalletAddress.Of(party, WalletKind.Spot)), window.StartMs, window.EndMs,
            m => SubAccountRules.CrossAccount(m) && m.From.Wallet == WalletKind.Spot && m.To.Wallet == WalletKind.Spot &&
                 SubAccountRules.Same(side == Side.From ? m.From.Owner : m.To.Owner, party),
            RequestParams.Skip(page, limit), limit)).Rows;
        return SimResponse.Ok(JsonBody.Write(w =>
        {
            w.WriteStartArray();
            foreach (var m in rows)
            {
                w.WriteStartObject();
                w.WriteString("from", m.From.Owner);
                w.WriteString("to", m.To.Owner);
                w.WriteString("asset", m.Asset);
                w.WriteString("qty", DecimalText.Plain(m.Amount));
                w.WriteString("status", "SUCCESS");
                w.WriteNumber("tranId", m.Id);
                w.WriteNumber("time", m.TimestampMs);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }));
    }

    /// <summary>GET /sapi/v1/sub-account/transfer/subUserHistory (sub-account key): every move between the caller and
    /// another account of the family, by any endpoint; type 1 in / 2 out (default 2, documented), asset, window
    /// (default the last 30 days, documented), limit (500), returnFailHistory (no failed rows exist). Newest first; an array.</summary>
    public SimResponse SubUserHistory(SimRequest r)
    {
        if (SubAccountRules.RequireSubAccount(ledger, r, out var sub) is { } e0) return SimResponse.Fail(e0);
        if (r.Code("asset", out var asset) is { } e1) return SimResponse.Fail(e1);
        if (r.Choice("type", 1, 2, out var type) is { } e2) return SimResponse.Fail(e2);
        if (r.Window(defaultDays: 30, maxSpanDays: null, out var window) is { } e3) return SimResponse.Fail(e3);
        if (r.PageAndLimit(500, 500, out _, out var limit) is { } e4) return SimResponse.Fail(e4);
        if (r.Flag("returnFailHistory", out _) is { } e5) return SimResponse.Fail(e5);
        var incoming = type == 1;

        var rows = ledger.ReadHistoryPage(new HistoryQuery(HistoryKey.Party(sub.Email), window.StartMs, window.EndMs,
            m => SubAccountRules.CrossAccount(m) && SubAccountRules.Same(incoming ? m.To.Owner : m.From.Owner, sub.Email) &&
                 (asset is null || m.Asset == asset),
            0, limit)).Rows;
        return SimResponse.Ok(JsonBody.Write(w =>
        {
            w.WriteStartArray();
            foreach (var m in rows)
            {
                var other = incoming ? m.From.Owner : m.To.Owner;
                w.WriteStartObject();
                w.WriteString("counterParty", ledger.FindUser(other)?.IsMaster == true ? "master" : "subAccount");
                w.WriteString("email", other);
                w.WriteNumber("type", incoming ? 1 : 2);
                w.WriteString("asset", m.Asset);
                w.WriteString("qty", DecimalText.Plain(m.Amount));
                w.WriteString("fromAccountType", WalletNames.Name(m.From.Wallet));
                w.WriteString("toAccountType", WalletNames.Name(m.To.Wallet));
                w.WriteString("status", "SUCCESS");
                w.WriteNumber("tranId", m.Id);
                w.WriteNumber("time", m.TimestampMs);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }));
    }

    /// <summary>GET /sapi/v1/sub-account/futures/internalTransfer (master): futures internal transfers into or out of
    /// <c>email</c> of one futuresType; startTime no earlier than 30 days ago (documented "1 month"; earlier → -1102),
    /// default the last 30 days (assumed), page (1), limit (50, max 500). Answers {"success":true,"futuresType":n,"transfers":[...]}.</summary>
    public SimResponse FuturesInternalTransferHistory(SimRequest r)
    {
        const int MonthDays = 30;
        if (SubAccountRules.RequireMaster(ledger, r, out _) is { } e0) return SimResponse.Fail(e0);
        if (r.RequiredEmail("email", out var email) is { } e1) return SimResponse.Fail(e1);
        if (r.Choice("futuresType", 1, 2, out var futuresType) is { } e2) return SimResponse.Fail(e2);
        if (futuresType is null) return SimResponse.Fail(RequestParams.Malformed("futuresType"));
        if (r.Window(defaultDays: MonthDays, maxSpanDays: null, out var window) is { } e3) return SimResponse.Fail(e3);
        if (window.StartMs < r.NowMs - MonthDays * HistoryWindow.Day && r.Text("startTime") is not null)
        {
            return SimResponse.Fail(RequestParams.Malformed("startTime"));
        }
        if (r.PageAndLimit(50, 500, out var page, out var limit) is { } e4) return SimResponse.Fail(e4);
        if (SubAccountRules.MasterOrSubAccount(ledger, email, out var user) is { } e5) return SimResponse.Fail(e5);

        var type = futuresType.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var rows = ledger.ReadHistoryPage(new HistoryQuery(
            HistoryKey.ChannelParty(MoveChannels.SubAccountFuturesInternalTransfer, user.Email), window.StartMs, window.EndMs,
            m => m.Channel == MoveChannels.SubAccountFuturesInternalTransfer && m.Type == type &&
                 (SubAccountRules.Same(m.From.Owner, user.Email) || SubAccountRules.Same(m.To.Owner, user.Email)),
            RequestParams.Skip(page, limit), limit)).Rows;
        return SimResponse.Ok(JsonBody.Write(w =>
        {
            w.WriteStartObject();
            w.WriteBoolean("success", true);
            w.WriteNumber("futuresType", futuresType.Value);
            w.WriteStartArray("transfers");
            foreach (var m in rows)
            {
                w.WriteStartObject();
                w.WriteString("from", m.From.Owner);
                w.WriteString("to", m.To.Owner);
                w.WriteString("asset", m.Asset);
                w.WriteString("qty", DecimalText.Plain(m.Amount));
                w.WriteNumber("tranId", m.Id);
                w.WriteNumber("time", m.TimestampMs);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }));
    }

    private enum Side { From, To }

    /// <summary>fromEmail XOR toEmail (both → -1102 on toEmail, assumed); neither → fromEmail = the master (documented).</summary>
    private BinanceError? Party(SimRequest r, SimUser master, out Side side, out string party)
    {
        side = Side.From;
        party = master.Email;
        if (r.Email("fromEmail", out var fromEmail) is { } e1) return e1;
        if (r.Email("toEmail", out var toEmail) is { } e2) return e2;
        if (fromEmail is not null && toEmail is not null) return RequestParams.Malformed("toEmail");
        if ((fromEmail ?? toEmail) is not { } email) return null;
        if (SubAccountRules.MasterOrSubAccount(ledger, email, out var user) is { } e3) return e3;
        side = fromEmail is not null ? Side.From : Side.To;
        party = user.Email;
        return null;
    }
}
