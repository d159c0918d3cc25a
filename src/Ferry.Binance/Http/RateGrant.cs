using Ferry.Core.Outcomes;

namespace Ferry.Binance.Http;

/// <summary>The limiter's answer: go ahead, or a reason not to send at all.</summary>
/// <param name="Granted">True when the weight was reserved and the request may go.</param>
/// <param name="Reason">Why not (RateBudget or Cancelled) when not granted.</param>
/// <param name="Message">One sentence for the caller when not granted.</param>
public readonly record struct RateGrant(bool Granted, NotSentReason Reason, string? Message)
{
    /// <summary>The request may go; its weight is reserved.</summary>
    public static RateGrant Go => new(true, default, null);

    /// <summary>The reservation behind a granted request, for reading its answer's used-weight headers.</summary>
    internal RateStamp Stamp { get; init; }

    internal static RateGrant GoWith(RateStamp stamp) => new(true, default, null) { Stamp = stamp };
}
