using Ferry.Simulator.Ledger;
using Ferry.Simulator.Ledger.SubAccounts;

namespace Ferry.Simulator.Binance.Handlers.SubAccounts;

/// <summary>The account family: create a virtual sub-account, list, status, enable futures/options, transaction
/// statistics. All are master-only. <paramref name="isManaged"/> tells which sub-accounts are managed ones.</summary>
internal sealed class SubAccountAccountHandlers(SubAccountDirectory book, Func<string, bool> isManaged)
{
    /// <summary>The longest subAccountString accepted (assumed; the docs give no limit).</summary>
    public const int MaxSubAccountString = 32;

    /// <summary>POST /sapi/v1/sub-account/virtualSubAccount → {"email": "..."}.</summary>
    public SimResponse CreateVirtual(SimRequest r)
    {
        if (r.Required("subAccountString", out var text) is { } e) return SimResponse.Fail(e);
        if (text.Length > MaxSubAccountString || !text.All(char.IsAsciiLetterOrDigit)) return SimResponse.Fail(RequestParams.Malformed("subAccountString"));
        if (book.CreateVirtual(r.Owner!, text, out var created) is { } failure) return SubAccountRequests.Fail(failure, "subAccountString");
        return SimResponse.Ok(JsonBody.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("email", created.Profile.Email);
            w.WriteEndObject();
        }));
    }

    /// <summary>GET /sapi/v1/sub-account/list: page (default 1), limit (default 1, max 200), optional email and isFreeze filters.</summary>
    public SimResponse List(SimRequest r)
    {
        if (r.Int("page", 1, 1, int.MaxValue, out var page) is { } e1) return SimResponse.Fail(e1);
        if (r.Int("limit", 1, 1, 200, out var limit) is { } e2) return SimResponse.Fail(e2);
        var freezeText = r.Text("isFreeze");
        if (freezeText is not (null or "true" or "false")) return SimResponse.Fail(RequestParams.Malformed("isFreeze"));
        bool? frozen = freezeText is null ? null : freezeText == "true";
        var email = r.Text("email");
        if (book.List(r.Owner!, out var all) is { } failure) return SubAccountRequests.Fail(failure);
        var rows = all.Where(v => (email is null || string.Equals(v.Profile.Email, email, StringComparison.OrdinalIgnoreCase))
                                  && (frozen is null || v.Profile.Frozen == frozen))
            .Skip((int)Math.Min((long)(page - 1) * limit, int.MaxValue)).Take(limit);
        return SimResponse.Ok(JsonBody.Write(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("subAccounts");
            foreach (var v in rows)
            {
                w.WriteStartObject();
                w.WriteNumber("subUserId", v.Profile.SubUserId);
                w.WriteString("email", v.Profile.Email);
                w.WriteString("remark", v.Profile.Remark);
                w.WriteBoolean("isFreeze", v.Profile.Frozen);
                w.WriteNumber("createTime", v.Profile.CreateTimeMs);
                w.WriteBoolean("isManagedSubAccount", isManaged(v.Profile.Email));
                w.WriteBoolean("isAssetManagementSubAccount", false);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }));
    }

    /// <summary>GET /sapi/v1/sub-account/status: an array, one sub-account with email, all without.</summary>
    public SimResponse Status(SimRequest r)
    {
        IReadOnlyList<SubAccountView> rows;
        if (r.Text("email") is { } email)
        {
            if (book.Find(r.Owner!, email, out var one) is { } failure) return SubAccountRequests.Fail(failure);
            rows = [one];
        }
        else if (book.List(r.Owner!, out rows) is { } failure)
        {
            return SubAccountRequests.Fail(failure);
        }
        return SimResponse.Ok(JsonBody.Write(w =>
        {
            w.WriteStartArray();
            foreach (var v in rows)
            {
                w.WriteStartObject();
                w.WriteString("email", v.Profile.Email);
                w.WriteBoolean("isSubUserEnabled", !v.Profile.Frozen);
                w.WriteBoolean("isUserActive", true);
                w.WriteNumber("insertTime", v.Profile.CreateTimeMs);
                w.WriteBoolean("isMarginEnabled", v.User.MarginEnabled);
                w.WriteBoolean("isFutureEnabled", v.User.FuturesEnabled);
                w.WriteNumber("mobile", 0);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }));
    }

    /// <summary>POST /sapi/v1/sub-account/futures/enable → {"email", "isFuturesEnabled": true}.</summary>
    public SimResponse EnableFutures(SimRequest r)
    {
        if (r.Required("email", out var email) is { } e) return SimResponse.Fail(e);
        if (book.EnableFutures(r.Owner!, email, out var user) is { } failure) return SubAccountRequests.Fail(failure);
        return Flag(user.Email, "isFuturesEnabled", user.FuturesEnabled);
    }

    /// <summary>POST /sapi/v1/sub-account/eoptions/enable → {"email", "isEOptionsEnabled": true}.</summary>
    public SimResponse EnableOptions(SimRequest r)
    {
        if (r.Required("email", out var email) is { } e) return SimResponse.Fail(e);
        if (book.EnableOptions(r.Owner!, email, out var user) is { } failure) return SubAccountRequests.Fail(failure);
        return Flag(user.Email, "isEOptionsEnabled", user.OptionsEnabled);
    }

    /// <summary>GET /sapi/v1/sub-account/transaction-statistics: the simulator trades nothing, so every total is "0"
    /// and tradeInfoVos is empty. With email, it must be a sub-account of the caller.</summary>
    public SimResponse TransactionStatistics(SimRequest r)
    {
        if (r.Text("email") is { } email)
        {
            if (book.Find(r.Owner!, email, out _) is { } failure) return SubAccountRequests.Fail(failure);
        }
        else if (book.List(r.Owner!, out _) is { } failure)
        {
            return SubAccountRequests.Fail(failure);
        }
        return SimResponse.Ok(JsonBody.Write(w =>
        {
            w.WriteStartObject();
            foreach (var name in (string[])["recent30BtcTotal", "recent30BtcFuturesTotal", "recent30BtcMarginTotal",
                         "recent30BusdTotal", "recent30BusdFuturesTotal", "recent30BusdMarginTotal"])
            {
                w.WriteString(name, "0");
            }
            w.WriteStartArray("tradeInfoVos");
            w.WriteEndArray();
            w.WriteEndObject();
        }));
    }

    private static SimResponse Flag(string email, string name, bool value) => SimResponse.Ok(JsonBody.Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("email", email);
        w.WriteBoolean(name, value);
        w.WriteEndObject();
    }));
}
