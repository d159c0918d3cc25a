using Ferry.Simulator.Scenario;

namespace Ferry.Simulator.Binance;

/// <summary>One endpoint as data: method, path, security, IP and UID weight, required key permission, handler.</summary>
internal sealed record SimEndpoint(
    string Method, string Path, EndpointSecurity Security, int IpWeight, int UidWeight, Permission Permission,
    Func<SimRequest, SimResponse> Handler)
{
    /// <summary>/sapi endpoints have a budget each; /api, /fapi and /dapi endpoints share one per IP per family.</summary>
    public bool IsSapi => Path.StartsWith("/sapi/", StringComparison.Ordinal);

    /// <summary>The shared IP budget a non-/sapi endpoint draws on: "/api", "/fapi" or "/dapi".</summary>
    public string SharedBudget => Path.StartsWith("/fapi/", StringComparison.Ordinal) ? "/fapi"
        : Path.StartsWith("/dapi/", StringComparison.Ordinal) ? "/dapi"
        : "/api";
}
