namespace Ferry.Simulator.Binance;

/// <summary>Rate-limit settings of the simulated Binance. Defaults are Binance's documented /sapi limits:
/// every endpoint has its own 12,000 IP-weight and 180,000 UID-weight budget per minute.</summary>
public sealed record SimRateLimits
{
    /// <summary>IP weight each /sapi endpoint allows per window, per caller IP. Default 12,000.</summary>
    public int IpWeightPerWindow { get; init; } = 12_000;

    /// <summary>UID weight each /sapi endpoint allows per window, per account. Default 180,000.</summary>
    public int UidWeightPerWindow { get; init; } = 180_000;

    /// <summary>IP weight all /api endpoints share per window, per caller IP. Default 6,000.</summary>
    public int ApiIpWeightPerWindow { get; init; } = 6_000;

    /// <summary>IP weight all /fapi endpoints share per window, per caller IP, and all /dapi endpoints apart. Default 2,400
    /// (REQUEST_WEIGHT in the futures exchangeInfo examples; reference §5b.1).</summary>
    public int FuturesIpWeightPerWindow { get; init; } = 2_400;

    /// <summary>Length of the fixed window. Default one minute; tests use a short window.</summary>
    public TimeSpan Window { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>UID weight of POST /sapi/v1/asset/transfer: 300 since the 2026-08 docs change, 900 before.</summary>
    public int UniversalTransferUidWeight { get; init; } = 300;

    internal void Validate()
    {
        if (IpWeightPerWindow <= 0 || UidWeightPerWindow <= 0 || ApiIpWeightPerWindow <= 0 || FuturesIpWeightPerWindow <= 0)
        {
            throw new ArgumentException("Rate limits must be positive weights.");
        }
        if (Window < TimeSpan.FromMilliseconds(1)) throw new ArgumentException("The rate-limit window must be at least 1 ms.");
        if (UniversalTransferUidWeight <= 0) throw new ArgumentException("UniversalTransferUidWeight must be positive.");
    }
}
