using System.Net;

namespace Ferry.Core.Safety;

/// <summary>
/// Keys go only to the exchange (design principle 8): a request carrying a key may be sent only
/// to the venue's official hosts over HTTPS, or to a simulator on this machine's loopback.
/// </summary>
public static class KeyHostAllowlist
{
    /// <summary>Binance's official REST hosts: spot and /sapi, the spot testnet, USDⓈ-M futures (fapi) and COIN-M futures (dapi).</summary>
    public static IReadOnlySet<string> BinanceHosts { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "api.binance.com", "api1.binance.com", "api2.binance.com", "api3.binance.com", "api4.binance.com",
        "api-gcp.binance.com", "testnet.binance.vision", "fapi.binance.com", "dapi.binance.com",
    };

    /// <summary>HTX's official REST hosts.</summary>
    public static IReadOnlySet<string> HtxHosts { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "api.huobi.pro", "api-aws.huobi.pro", "api.hbdm.com",
    };

    /// <summary>True when <paramref name="address"/> is a loopback simulator address.</summary>
    public static bool IsLoopback(Uri address) =>
        address.IsAbsoluteUri
        && (address.Scheme == Uri.UriSchemeHttp || address.Scheme == Uri.UriSchemeHttps)
        && (string.Equals(address.Host, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(address.IdnHost.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip)));

    /// <summary>
    /// Null when a keyed request may go to <paramref name="address"/>; otherwise one sentence saying why not.
    /// </summary>
    public static string? Refusal(Uri address, IReadOnlySet<string> officialHosts, string venueName)
    {
        if (!address.IsAbsoluteUri) return $"'{address}' is not an absolute address, so no key is sent to it.";
        if (IsLoopback(address)) return null;
        if (address.Scheme == Uri.UriSchemeHttps && officialHosts.Contains(address.IdnHost)
            && string.IsNullOrEmpty(address.UserInfo))
        {
            return null;
        }
        // Scheme and host only: a user name or password written into the address must not reach an error message.
        return $"Refusing to send a {venueName} key to '{address.Scheme}://{address.Authority}': keys go only to "
            + $"{venueName}'s official hosts over HTTPS or to a simulator on loopback.";
    }
}
