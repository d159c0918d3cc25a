using System.Globalization;
using Ferry.Simulator.Ledger;
using Ferry.Simulator.Ledger.SubAccounts;

namespace Ferry.Simulator.Binance.Handlers.SubAccounts;

/// <summary>The deposits family: a sub-account's deposit address and deposit history (master only).</summary>
internal sealed class SubAccountDepositHandlers(SubAccountDeposits book)
{
    private static readonly int[] Statuses = [0, 1, 6, 7, 8];

    /// <summary>GET /sapi/v1/capital/deposit/subAddress → {"address", "coin", "tag", "url"}.</summary>
    public SimResponse Address(SimRequest r)
    {
        if (r.Required("email", out var email) is { } e1) return SimResponse.Fail(e1);
        if (r.Code("coin", out var coin) is { } e2) return SimResponse.Fail(e2);
        if (coin is null) return SimResponse.Fail(RequestParams.Malformed("coin"));
        if (r.Code("network", out var network) is { } e3) return SimResponse.Fail(e3);
        if (r.Text("amount") is { } amount && !decimal.TryParse(amount, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _))
        {
            return SimResponse.Fail(RequestParams.Malformed("amount"));
        }
        if (book.DepositAddress(r.Owner!, email, coin, network, out var address) is { } failure) return SubAccountRequests.Fail(failure);
        return SimResponse.Ok(JsonBody.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("address", address.Address);
            w.WriteString("coin", address.Coin);
            w.WriteString("tag", address.Tag);
            w.WriteString("url", address.Url);
            w.WriteEndObject();
        }));
    }

    /// <summary>GET /sapi/v1/capital/deposit/subHisrec: newest first; filters coin, status, txId, startTime/endTime (only
    /// when given); limit default 500, capped at 500; offset default 0.</summary>
    public SimResponse History(SimRequest r)
    {
        if (r.Required("email", out var email) is { } e1) return SimResponse.Fail(e1);
        if (r.Code("coin", out var coin) is { } e2) return SimResponse.Fail(e2);
        int? status = null;
        if (r.Text("status") is { } statusText)
        {
            if (!int.TryParse(statusText, NumberStyles.None, CultureInfo.InvariantCulture, out var s) || !Statuses.Contains(s))
            {
                return SimResponse.Fail(RequestParams.Malformed("status"));
            }
            status = s;
        }
        if (r.Long("startTime", out var start) is { } e3) return SimResponse.Fail(e3);
        if (r.Long("endTime", out var end) is { } e4) return SimResponse.Fail(e4);
        if (start > end) return SimResponse.Fail(RequestParams.Malformed("startTime"));
        if (r.Int("limit", 500, 1, 500, out var limit) is { } e5) return SimResponse.Fail(e5);
        if (r.Int("offset", 0, 0, int.MaxValue, out var offset) is { } e6) return SimResponse.Fail(e6);
        var txId = r.Text("txId");
        if (book.Deposits(r.Owner!, email, out var all) is { } failure) return SubAccountRequests.Fail(failure);
        var rows = all.Where(d => (coin is null || d.Coin == coin) && (status is null || d.Status == status)
                                  && (txId is null || d.TxId == txId) && (start is null || d.InsertTimeMs >= start)
                                  && (end is null || d.InsertTimeMs <= end))
            .Skip(offset).Take(limit);
        return SimResponse.Ok(JsonBody.Write(w =>
        {
            w.WriteStartArray();
            foreach (var d in rows)
            {
                w.WriteStartObject();
                w.WriteString("id", d.Id);
                w.WriteString("amount", DecimalText.Plain(d.Amount));
                w.WriteString("coin", d.Coin);
                w.WriteString("network", d.Network);
                w.WriteNumber("status", d.Status);
                w.WriteString("address", d.Address);
                w.WriteString("addressTag", d.AddressTag);
                w.WriteString("txId", d.TxId);
                w.WriteNumber("insertTime", d.InsertTimeMs);
                w.WriteNumber("transferType", 0);
                w.WriteString("confirmTimes", d.Status == 0 ? "0/1" : "1/1");
                w.WriteNumber("unlockConfirm", 0);
                w.WriteNumber("walletType", 0);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }));
    }
}
