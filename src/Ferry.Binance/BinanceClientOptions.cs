using Ferry.Binance.Http;
using Ferry.Core.Safety;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ferry.Binance;

/// <summary>Settings of a <see cref="BinanceClient"/>, with Binance's documented defaults; validated when the client is built.</summary>
public sealed class BinanceClientOptions
{
    /// <summary>The largest recvWindow Binance accepts, in milliseconds.</summary>
    public const int MaxRecvWindow = 60_000;

    /// <summary>Binance's USDⓈ-M futures host (reference §5b).</summary>
    public static readonly Uri OfficialUsdmFuturesAddress = new("https://fapi.binance.com");

    /// <summary>Binance's COIN-M futures host (reference §5b).</summary>
    public static readonly Uri OfficialCoinFuturesAddress = new("https://dapi.binance.com");

    /// <summary>The spot testnet's host: it serves /api only, no futures.</summary>
    private const string SpotTestnetHost = "testnet.binance.vision";

    /// <summary>The REST base address of <c>/api</c> and <c>/sapi</c>: an official Binance host, or a loopback simulator.</summary>
    public Uri BaseAddress { get; set; } = new("https://api.binance.com");

    /// <summary>
    /// Where <c>/fapi/*</c> goes. Null (the default): <see cref="BaseAddress"/> when that is a loopback simulator (one
    /// simulator serves every path), none for the spot testnet, else <see cref="OfficialUsdmFuturesAddress"/>.
    /// </summary>
    public Uri? UsdmFuturesBaseAddress { get; set; }

    /// <summary>Where <c>/dapi/*</c> goes; null derives it as <see cref="UsdmFuturesBaseAddress"/> does (official: <see cref="OfficialCoinFuturesAddress"/>).</summary>
    public Uri? CoinFuturesBaseAddress { get; set; }

    /// <summary>
    /// A proxy the account names explicitly (null, the default: connect to the host itself, whatever HTTP_PROXY and
    /// friends say); allowed only with an HTTPS official <see cref="BaseAddress"/>, whose tunnel the proxy cannot read.
    /// </summary>
    public Uri? Proxy { get; set; }

    /// <summary>How long (ms) after its timestamp a signed request stays valid; 1..60000, default 5000.</summary>
    public int RecvWindow { get; set; } = 5000;

    /// <summary>UID weight of POST /sapi/v1/asset/transfer: 300 since 2026-08, 900 before (the docs page still says 900).</summary>
    public int UniversalTransferUidWeight { get; set; } = BinanceEndpoints.DefaultUniversalTransferUidWeight;

    /// <summary>IP weight budget per /sapi endpoint per <see cref="WeightWindow"/> (Binance: 12000 per minute).</summary>
    public int IpWeightPerMinute { get; set; } = 12_000;

    /// <summary>UID weight budget per /sapi endpoint per <see cref="WeightWindow"/> (Binance: 180000 per minute).</summary>
    public int UidWeightPerMinute { get; set; } = 180_000;

    /// <summary>The shared IP budget of all /api endpoints per <see cref="WeightWindow"/> (Binance: 6000 per minute).</summary>
    public int ApiIpWeightPerMinute { get; set; } = 6_000;

    /// <summary>The IP budget all /fapi endpoints share per <see cref="WeightWindow"/> (Binance: REQUEST_WEIGHT 2400 per minute).</summary>
    public int UsdmFuturesWeightPerMinute { get; set; } = 2_400;

    /// <summary>The IP budget all /dapi endpoints share per <see cref="WeightWindow"/> (Binance: REQUEST_WEIGHT 2400 per minute).</summary>
    public int CoinFuturesWeightPerMinute { get; set; } = 2_400;

    /// <summary>
    /// The key permission GET /sapi/v1/asset/wallet/balance is booked with: <see cref="KeyPermission.Reading"/> (the
    /// default: zh-CN page, PY-SDK) or <see cref="KeyPermission.UniversalTransfer"/> (CONFLICT: the legacy EN page).
    /// </summary>
    public KeyPermission WalletOverviewPermission { get; set; } = KeyPermission.Reading;

    /// <summary>The length of one rate-limit window (Binance: one minute; tests use less).</summary>
    public TimeSpan WeightWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// The least part of a rate window's end in which no request is started, so that none reaches the exchange in the
    /// next window; the limiter widens it to the server-clock measurement's round trip plus the expected (average) round
    /// trip (at most half a window). Default 100 ms.
    /// </summary>
    public TimeSpan WindowEdgeMargin { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Where UID weight is reserved when several clients (processes, machines) use one account's key: null (the
    /// default) counts it in this client only. IP weight is always counted here, per host.
    /// </summary>
    public IUidWeightStore? UidWeightStore { get; set; }

    /// <summary>The longest the limiter waits for budget before giving up with NotSent RateBudget.</summary>
    public TimeSpan MaxRateWait { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long one HTTP exchange may take; past it a sent request ends Unknown.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The clock for timestamps, limiter windows, waits and timeouts.</summary>
    public TimeProvider Time { get; set; } = TimeProvider.System;

    /// <summary>The User-Agent header; default "ferry/&lt;version&gt; (+&lt;project address&gt;)".</summary>
    public string UserAgent { get; set; } = DefaultUserAgent;

    /// <summary>
    /// Receives one line per HTTP exchange (method, path, status, elapsed time, weight headers) for diagnostics.
    /// The line never holds the query string, the body, the signature or the API key header, so it is safe to log
    /// at any level. Null (the default) logs nothing.
    /// </summary>
    public Action<string>? RequestLog { get; set; }

    /// <summary>
    /// Where the client logs (event ids 2001-2099, docs/library.md): each answer and each outcome at Debug;
    /// failures, unknown outcomes and 429s at Warning. Built from method, path, numbers and outcomes only: never the query,
    /// the signature or the key. Default: nothing is logged.
    /// </summary>
    public ILogger Logger { get; set; } = NullLogger.Instance;

    /// <summary>Most decimal places an amount may have before it is refused locally (Binance transfers: 8).</summary>
    public int MaxAmountDecimalPlaces { get; set; } = 8;

    /// <summary>How many times a GET ending Unknown is sent again (GETs are idempotent); 0 = off, the default.</summary>
    public int GetRetryCount { get; set; }

    /// <summary>
    /// How many times a GET answered 429 or 418 is sent again once its Retry-After has passed (GETs are idempotent;
    /// a POST never is); 0..5, default 1. A Retry-After longer than <see cref="MaxRateWait"/> keeps the 429.
    /// </summary>
    public int RateLimitedGetRetries { get; set; } = 1;

    /// <summary>"ferry/0.1.0 (+https://...)": see <see cref="Ferry.Core.Product.FerryProduct.UserAgent"/>.</summary>
    public static string DefaultUserAgent { get; } = Ferry.Core.Product.FerryProduct.UserAgent;

    /// <summary>Throws <see cref="ArgumentException"/> with one sentence naming the first bad setting.</summary>
    public void Validate()
    {
        if (BaseAddress is null || !BaseAddress.IsAbsoluteUri)
        {
            throw new ArgumentException("BaseAddress must be an absolute http(s) address.", nameof(BaseAddress));
        }

        if (BaseAddress.Scheme != Uri.UriSchemeHttps && BaseAddress.Scheme != Uri.UriSchemeHttp)
        {
            throw new ArgumentException($"BaseAddress must use http or https, not '{BaseAddress.Scheme}'.", nameof(BaseAddress));
        }

        // Keys go only to the exchange (principle 8): the one allowlist, whatever else is configured.
        if (KeyHostAllowlist.Refusal(BaseAddress, KeyHostAllowlist.BinanceHosts, "Binance") is { } refusal)
        {
            throw new ArgumentException(refusal, nameof(BaseAddress));
        }

        CheckFuturesAddress(UsdmFuturesBaseAddress, nameof(UsdmFuturesBaseAddress));
        CheckFuturesAddress(CoinFuturesBaseAddress, nameof(CoinFuturesBaseAddress));
        foreach (var host in Enum.GetValues<BinanceHost>())
        {
            // Every address a keyed request may go to: a proxy must not see any of them in clear text.
            if (Proxy is not null && AddressOf(host) is { } address
                && Ferry.Core.Http.KeyedHttpHandler.ProxyRefusal(address, Proxy, KeyHostAllowlist.BinanceHosts) is { } proxyRefusal)
            {
                throw new ArgumentException(proxyRefusal, nameof(Proxy));
            }
        }

        Require(RecvWindow is >= 1 and <= MaxRecvWindow, nameof(RecvWindow), $"RecvWindow must be between 1 and 60000 ms, not {RecvWindow}.");
        Require(UniversalTransferUidWeight >= 0, nameof(UniversalTransferUidWeight), "UniversalTransferUidWeight must not be negative.");
        Require(IpWeightPerMinute > 0, nameof(IpWeightPerMinute), "IpWeightPerMinute must be positive.");
        Require(UidWeightPerMinute > 0, nameof(UidWeightPerMinute), "UidWeightPerMinute must be positive.");
        Require(ApiIpWeightPerMinute > 0, nameof(ApiIpWeightPerMinute), "ApiIpWeightPerMinute must be positive.");
        Require(UsdmFuturesWeightPerMinute > 0, nameof(UsdmFuturesWeightPerMinute), "UsdmFuturesWeightPerMinute must be positive.");
        Require(CoinFuturesWeightPerMinute > 0, nameof(CoinFuturesWeightPerMinute), "CoinFuturesWeightPerMinute must be positive.");
        Require(WalletOverviewPermission is KeyPermission.Reading or KeyPermission.UniversalTransfer, nameof(WalletOverviewPermission),
            "WalletOverviewPermission must be Reading or UniversalTransfer.");
        Require(WeightWindow >= TimeSpan.FromMilliseconds(1), nameof(WeightWindow), "WeightWindow must be at least one millisecond.");
        Require(WindowEdgeMargin >= TimeSpan.Zero, nameof(WindowEdgeMargin), "WindowEdgeMargin must not be negative.");
        Require(MaxRateWait >= TimeSpan.Zero, nameof(MaxRateWait), "MaxRateWait must not be negative.");
        Require(Timeout > TimeSpan.Zero && Timeout <= TimeSpan.FromMinutes(10), nameof(Timeout), "Timeout must be more than zero and at most 10 minutes.");
        Require(Time is not null, nameof(Time), "Time must be set (use TimeProvider.System).");
        Require(Logger is not null, nameof(Logger), "Logger must be set (use NullLogger.Instance).");
        Require(!string.IsNullOrWhiteSpace(UserAgent) && UserAgent.All(c => c is >= ' ' and <= '~'), nameof(UserAgent), "UserAgent must be non-empty printable ASCII.");
        Require(MaxAmountDecimalPlaces is >= 0 and <= 18, nameof(MaxAmountDecimalPlaces), "MaxAmountDecimalPlaces must be between 0 and 18.");
        Require(GetRetryCount is >= 0 and <= 5, nameof(GetRetryCount), "GetRetryCount must be between 0 and 5.");
        Require(RateLimitedGetRetries is >= 0 and <= 5, nameof(RateLimitedGetRetries), "RateLimitedGetRetries must be between 0 and 5.");
    }

    /// <summary>
    /// The address that serves <paramref name="host"/>'s endpoints, or null when none does (the spot testnet has no
    /// futures unless a futures address is set); see <see cref="UsdmFuturesBaseAddress"/>.
    /// </summary>
    public Uri? AddressOf(BinanceHost host)
    {
        var (configured, official) = host switch
        {
            BinanceHost.UsdmFutures => (UsdmFuturesBaseAddress, OfficialUsdmFuturesAddress),
            BinanceHost.CoinFutures => (CoinFuturesBaseAddress, OfficialCoinFuturesAddress),
            _ => (BaseAddress, BaseAddress),
        };
        if (configured is not null)
        {
            return configured;
        }

        if (KeyHostAllowlist.IsLoopback(BaseAddress))
        {
            return BaseAddress;
        }

        return string.Equals(BaseAddress.IdnHost, SpotTestnetHost, StringComparison.OrdinalIgnoreCase) ? null : official;
    }

    private static void CheckFuturesAddress(Uri? address, string name)
    {
        if (address is null)
        {
            return;
        }

        if (!address.IsAbsoluteUri || (address.Scheme != Uri.UriSchemeHttps && address.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException($"{name} must be an absolute http(s) address.", name);
        }

        // Keys go only to the exchange (principle 8): the same allowlist as the base address.
        if (KeyHostAllowlist.Refusal(address, KeyHostAllowlist.BinanceHosts, "Binance") is { } refusal)
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
