using Ferry.Simulator.Scenario;

namespace Ferry.Simulator.Binance;

/// <summary>One endpoint as data: method, path, security, IP and UID weight, required key permission, handler.</summary>
internal sealed record SimEndpoint(
    string Method, string Path, EndpointSecurity Security, int IpWeight, int UidWeight, Permission Permission,
    Func<SimRequest, SimResponse> Handler)
{
    /// <summary>/sapi endpoints have a budget each; /api endpoints share one per IP.</summary>
    public bool IsSapi => Path.StartsWith("/sapi/", StringComparison.Ordinal);
}
