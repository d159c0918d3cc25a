using Ferry.Simulator.Ledger;
using Ferry.Simulator.Ledger.SubAccounts;

namespace Ferry.Simulator.Binance.Handlers.SubAccounts;

/// <summary>The IP-restriction family: add (v2 POST), read and delete the trusted IPs of a sub-account API key.</summary>
internal sealed class SubAccountIpHandlers(SubAccountIpRestrictions book)
{
    /// <summary>POST /sapi/v2/sub-account/subAccountApi/ipRestriction → {"status", "ipList", "updateTime", "apiKey"}.</summary>
    public SimResponse Set(SimRequest r)
    {
        if (r.Required("email", out var email) is { } e1) return SimResponse.Fail(e1);
        if (r.Required("subAccountApiKey", out var apiKey) is { } e2) return SimResponse.Fail(e2);
        var status = r.Text("status");
        if (status is not ("1" or "2")) return SimResponse.Fail(RequestParams.Malformed("status"));
        if (IpList(r, required: false, out var ips) is { } e3) return SimResponse.Fail(e3);
        if (book.SetIpRestriction(r.Owner!, email, apiKey, status == "2", ips, out var restriction) is { } failure)
        {
            return Fail(failure, emptyList: true);
        }
        return SimResponse.Ok(JsonBody.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("status", restriction.Restricted ? "2" : "1");
            WriteList(w, restriction);
            w.WriteEndObject();
        }));
    }

    /// <summary>GET /sapi/v1/sub-account/subAccountApi/ipRestriction → {"ipRestrict", "ipList", "updateTime", "apiKey"}.</summary>
    public SimResponse Get(SimRequest r)
    {
        if (r.Required("email", out var email) is { } e1) return SimResponse.Fail(e1);
        if (r.Required("subAccountApiKey", out var apiKey) is { } e2) return SimResponse.Fail(e2);
        if (book.IpRestriction(r.Owner!, email, apiKey, out var restriction) is { } failure) return Fail(failure, emptyList: false);
        return Restrict(restriction);
    }

    /// <summary>DELETE /sapi/v1/sub-account/subAccountApi/ipRestriction/ipList → the restriction after the removal.</summary>
    public SimResponse Delete(SimRequest r)
    {
        if (r.Required("email", out var email) is { } e1) return SimResponse.Fail(e1);
        if (r.Required("subAccountApiKey", out var apiKey) is { } e2) return SimResponse.Fail(e2);
        if (IpList(r, required: true, out var ips) is { } e3) return SimResponse.Fail(e3);
        if (book.RemoveIps(r.Owner!, email, apiKey, ips, out var restriction) is { } failure) return Fail(failure, emptyList: false);
        return Restrict(restriction);
    }

    private static SimResponse Restrict(KeyIpRestriction restriction) => SimResponse.Ok(JsonBody.Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("ipRestrict", restriction.Restricted ? "true" : "false");
        WriteList(w, restriction);
        w.WriteEndObject();
    }));

    private static void WriteList(System.Text.Json.Utf8JsonWriter w, KeyIpRestriction restriction)
    {
        w.WriteStartArray("ipList");
        foreach (var ip in restriction.IpList) w.WriteStringValue(ip);
        w.WriteEndArray();
        w.WriteNumber("updateTime", restriction.UpdateTimeMs);
        w.WriteString("apiKey", restriction.ApiKey);
    }

    /// <summary>ipAddress: comma-separated static IPv4/IPv6 addresses; anything else is -1100 naming the parameter.</summary>
    private static BinanceError? IpList(SimRequest r, bool required, out IReadOnlyList<string> ips)
    {
        ips = [];
        var text = r.Text("ipAddress");
        if (text is null) return required ? RequestParams.Malformed("ipAddress") : null;
        var parts = text.Split(',').Select(p => p.Trim()).ToList();
        if (parts.Any(p => !SubAccountIpRestrictions.IsIpAddress(p)))
        {
            return BinanceErrors.IllegalParameter.Format("ipAddress", "IPv4 or IPv6 addresses separated by commas");
        }
        ips = parts;
        return null;
    }

    private static SimResponse Fail(SubAccountFailure failure, bool emptyList) => failure switch
    {
        SubAccountFailure.UnknownApiKey => SimResponse.Fail(RequestParams.Malformed("subAccountApiKey")),
        SubAccountFailure.InvalidValue when emptyList => SimResponse.Fail(RequestParams.Malformed("ipAddress")),
        _ => SubAccountRequests.Fail(failure),
    };
}
