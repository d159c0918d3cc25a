using System.Net;

namespace Ferry.Binance;

/// <summary>Settings of a <see cref="BinanceClient"/>, with Binance's documented defaults; validated when the client is built.</summary>
public sealed class BinanceClientOptions
{
    /// <summary>The largest recvWindow Binance accepts, in milliseconds.</summary>
    public const int MaxRecvWindow = 60_000;

    /// <summary>The REST base address: an official Binance host, or a loopback simulator.</summary>
    public Uri BaseAddress { get; set; } = new("https://api.binance.com");

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

    /// <summary>The length of one rate-limit window (Binance: one minute; tests use less).</summary>
    public TimeSpan WeightWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The longest the limiter waits for budget before giving up with NotSent RateBudget.</summary>
    public TimeSpan MaxRateWait { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long one HTTP exchange may take; past it a sent request ends Unknown.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The clock for timestamps, limiter windows, waits and timeouts.</summary>
    public TimeProvider Time { get; set; } = TimeProvider.System;

    /// <summary>The User-Agent header; default "ferry/&lt;assembly version&gt;".</summary>
    public string UserAgent { get; set; } = DefaultUserAgent;

    /// <summary>Most decimal places an amount may have before it is refused locally (Binance transfers: 8).</summary>
    public int MaxAmountDecimalPlaces { get; set; } = 8;

    /// <summary>How many times a GET ending Unknown is sent again (GETs are idempotent); 0 = off, the default.</summary>
    public int GetRetryCount { get; set; }

    /// <summary>Allows a base address other than Binance's hosts or loopback (never for real keys; principle 8).</summary>
    public bool AllowAnyHost { get; set; }

    /// <summary>"ferry/0.1.0" from this assembly's version.</summary>
    public static string DefaultUserAgent { get; } =
        "ferry/" + (typeof(BinanceClientOptions).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");

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

        if (!AllowAnyHost && !IsLoopback(BaseAddress) && !IsBinanceHost(BaseAddress.Host))
        {
            throw new ArgumentException(
                $"BaseAddress host '{BaseAddress.Host}' is neither a Binance host nor loopback; keys go only to the exchange.", nameof(BaseAddress));
        }

        if (!IsLoopback(BaseAddress) && BaseAddress.Scheme != Uri.UriSchemeHttps && !AllowAnyHost)
        {
            throw new ArgumentException("BaseAddress must use https unless it is a loopback simulator.", nameof(BaseAddress));
        }

        Require(RecvWindow is >= 1 and <= MaxRecvWindow, nameof(RecvWindow), $"RecvWindow must be between 1 and 60000 ms, not {RecvWindow}.");
        Require(UniversalTransferUidWeight >= 0, nameof(UniversalTransferUidWeight), "UniversalTransferUidWeight must not be negative.");
        Require(IpWeightPerMinute > 0, nameof(IpWeightPerMinute), "IpWeightPerMinute must be positive.");
        Require(UidWeightPerMinute > 0, nameof(UidWeightPerMinute), "UidWeightPerMinute must be positive.");
        Require(ApiIpWeightPerMinute > 0, nameof(ApiIpWeightPerMinute), "ApiIpWeightPerMinute must be positive.");
        Require(WeightWindow >= TimeSpan.FromMilliseconds(1), nameof(WeightWindow), "WeightWindow must be at least one millisecond.");
        Require(MaxRateWait >= TimeSpan.Zero, nameof(MaxRateWait), "MaxRateWait must not be negative.");
        Require(Timeout > TimeSpan.Zero && Timeout <= TimeSpan.FromMinutes(10), nameof(Timeout), "Timeout must be more than zero and at most 10 minutes.");
        Require(Time is not null, nameof(Time), "Time must be set (use TimeProvider.System).");
        Require(!string.IsNullOrWhiteSpace(UserAgent) && UserAgent.All(c => c is >= ' ' and <= '~'), nameof(UserAgent), "UserAgent must be non-empty printable ASCII.");
        Require(MaxAmountDecimalPlaces is >= 0 and <= 18, nameof(MaxAmountDecimalPlaces), "MaxAmountDecimalPlaces must be between 0 and 18.");
        Require(GetRetryCount is >= 0 and <= 5, nameof(GetRetryCount), "GetRetryCount must be between 0 and 5.");
    }

    private static void Require(bool ok, string name, string sentence)
    {
        if (!ok)
        {
            throw new ArgumentException(sentence, name);
        }
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));

    private static bool IsBinanceHost(string host) =>
        host.Equals("binance.com", StringComparison.OrdinalIgnoreCase)
        || host.EndsWith(".binance.com", StringComparison.OrdinalIgnoreCase)
        || host.EndsWith(".binance.vision", StringComparison.OrdinalIgnoreCase);
}
