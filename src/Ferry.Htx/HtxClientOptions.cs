using Ferry.Core.Safety;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ferry.Htx;

/// <summary>Settings of an <see cref="HtxClient"/>, with HTX's documented defaults; validated when the client is built.</summary>
public sealed class HtxClientOptions
{
    /// <summary>HTX's spot and v2 host.</summary>
    public static readonly Uri OfficialSpotAddress = new("https://api.huobi.pro");

    /// <summary>HTX's USDT-margined swap host.</summary>
    public static readonly Uri OfficialSwapAddress = new("https://api.hbdm.com");

    /// <summary>Where <c>/v1/...</c> and <c>/v2/...</c> go: an official HTX host, or a loopback simulator.</summary>
    public Uri SpotBaseAddress { get; set; } = OfficialSpotAddress;

    /// <summary>Where <c>/linear-swap-api/...</c> goes: an official HTX host, or a loopback simulator (the same one).</summary>
    public Uri SwapBaseAddress { get; set; } = OfficialSwapAddress;

    /// <summary>
    /// A proxy the account names explicitly (null, the default: connect to the hosts themselves, whatever HTTP_PROXY and
    /// friends say); allowed only when both base addresses are HTTPS official hosts, whose tunnels the proxy cannot read.
    /// </summary>
    public Uri? Proxy { get; set; }

    /// <summary>POST /v2/account/transfer calls per second: the docs say 1 (the default), HTX.Net uses 10.</summary>
    public int TransfersPerSecond { get; set; } = HtxEndpoints.DefaultTransfersPerSecond;

    /// <summary>The longest the limiter waits for budget before giving up with NotSent RateBudget.</summary>
    public TimeSpan MaxRateWait { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one HTTP exchange may take; past it a sent request ends Unknown.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The clock for Signature V2 timestamps, limiter windows, waits and timeouts.</summary>
    public TimeProvider Time { get; set; } = TimeProvider.System;

    /// <summary>
    /// Where the client logs (event ids 2101-2199, docs/library.md): each answer and each outcome at Debug;
    /// failures, unknown outcomes and rate limits at Warning. Never the request's address (HTX signs in the query, next
    /// to the AccessKeyId). Default: nothing is logged.
    /// </summary>
    public ILogger Logger { get; set; } = NullLogger.Instance;

    /// <summary>The User-Agent header; default "ferry/&lt;assembly version&gt;".</summary>
    public string UserAgent { get; set; } = DefaultUserAgent;

    /// <summary>"ferry/0.1.0 (+https://...)": the same product token every Ferry client sends (<see cref="Ferry.Core.Product.FerryProduct.UserAgent"/>).</summary>
    public static string DefaultUserAgent { get; } = Ferry.Core.Product.FerryProduct.UserAgent;

    /// <summary>Throws <see cref="ArgumentException"/> with one sentence naming the first bad setting.</summary>
    public void Validate()
    {
        CheckAddress(SpotBaseAddress, nameof(SpotBaseAddress));
        CheckAddress(SwapBaseAddress, nameof(SwapBaseAddress));
        foreach (var address in new[] { SpotBaseAddress, SwapBaseAddress })
        {
            if (Proxy is not null && Ferry.Core.Http.KeyedHttpHandler.ProxyRefusal(address, Proxy, KeyHostAllowlist.HtxHosts) is { } proxyRefusal)
            {
                throw new ArgumentException(proxyRefusal, nameof(Proxy));
            }
        }

        Require(TransfersPerSecond is >= 1 and <= 100, nameof(TransfersPerSecond), $"TransfersPerSecond must be between 1 and 100, not {TransfersPerSecond}.");
        Require(MaxRateWait >= TimeSpan.Zero, nameof(MaxRateWait), "MaxRateWait must not be negative.");
        Require(Timeout > TimeSpan.Zero && Timeout <= TimeSpan.FromMinutes(10), nameof(Timeout), "Timeout must be more than zero and at most 10 minutes.");
        Require(Time is not null, nameof(Time), "Time must be set (use TimeProvider.System).");
        Require(Logger is not null, nameof(Logger), "Logger must be set (use NullLogger.Instance).");
        Require(!string.IsNullOrWhiteSpace(UserAgent) && UserAgent.All(c => c is >= ' ' and <= '~'), nameof(UserAgent), "UserAgent must be non-empty printable ASCII.");
    }

    private static void CheckAddress(Uri? address, string name)
    {
        if (address is null || !address.IsAbsoluteUri || (address.Scheme != Uri.UriSchemeHttps && address.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException($"{name} must be an absolute http(s) address.", name);
        }

        // Keys go only to the exchange (principle 8): the one allowlist, whatever else is configured.
        if (KeyHostAllowlist.Refusal(address, KeyHostAllowlist.HtxHosts, "HTX") is { } refusal)
        {
            throw new ArgumentException(refusal, name);
        }
    }

    private static void Require(bool ok, string name, string sentence)
    {
        if (!ok)
        {
            throw new ArgumentException(sentence, name);
        }
    }
}
