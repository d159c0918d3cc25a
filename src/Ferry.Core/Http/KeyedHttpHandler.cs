using System.Net;
using Ferry.Core.Safety;

namespace Ferry.Core.Http;

/// <summary>
/// The socket handler for requests that carry a key (design principle 8): it connects to the request's own host — an
/// official venue host or a loopback simulator, as the allowlist checked — and never to a proxy taken from the
/// environment (HTTP_PROXY, HTTPS_PROXY, ALL_PROXY), which would receive the key header and the signed query. The only
/// proxy it uses is one the account names itself, and only for HTTPS to an official host, where the proxy relays an
/// encrypted tunnel and sees the host name alone. It never follows redirects and keeps no cookies.
/// </summary>
public static class KeyedHttpHandler
{
    /// <summary>
    /// A handler for keyed requests to <paramref name="baseAddress"/>, through <paramref name="accountProxy"/> when the
    /// account names one; throws <see cref="ArgumentException"/> when <see cref="ProxyRefusal"/> refuses that proxy.
    /// </summary>
    public static SocketsHttpHandler Create(Uri baseAddress, Uri? accountProxy = null, IReadOnlySet<string>? officialHosts = null)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        if (accountProxy is not null && ProxyRefusal(baseAddress, accountProxy, officialHosts) is { } refusal)
            throw new ArgumentException(refusal, nameof(accountProxy));
        return new SocketsHttpHandler
        {
            // UseProxy = false ignores HttpClient.DefaultProxy, which .NET fills from the environment's proxy variables.
            UseProxy = accountProxy is not null,
            Proxy = accountProxy is null ? null : new WebProxy(accountProxy) { BypassProxyOnLocal = false },
            AllowAutoRedirect = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
        };
    }

    /// <summary>
    /// Null when keyed requests to <paramref name="baseAddress"/> may go through <paramref name="proxy"/>: an http(s)
    /// proxy address without credentials in it, and a base address that is HTTPS to one of <paramref name="officialHosts"/>
    /// (any host of either venue when null), never plain http or loopback; otherwise one sentence saying why not.
    /// </summary>
    public static string? ProxyRefusal(Uri baseAddress, Uri proxy, IReadOnlySet<string>? officialHosts = null)
    {
        if (!proxy.IsAbsoluteUri || (proxy.Scheme != Uri.UriSchemeHttp && proxy.Scheme != Uri.UriSchemeHttps))
            return "The proxy must be an absolute http:// or https:// address.";
        if (!string.IsNullOrEmpty(proxy.UserInfo))
            return "The proxy address may not hold a user name or password.";
        var official = officialHosts?.Contains(baseAddress.IdnHost)
            ?? (KeyHostAllowlist.BinanceHosts.Contains(baseAddress.IdnHost) || KeyHostAllowlist.HtxHosts.Contains(baseAddress.IdnHost));
        if (baseAddress.Scheme != Uri.UriSchemeHttps || !official || KeyHostAllowlist.IsLoopback(baseAddress))
            return $"A proxy is used only for HTTPS to an official exchange host, not for '{baseAddress.GetLeftPart(UriPartial.Authority)}'.";
        return null;
    }
}
