using Ferry.Core.Outcomes;

namespace Ferry.Htx.Http;

/// <summary>The limiter's answer: go ahead, or a reason not to send at all.</summary>
/// <param name="Granted">True when a request was reserved and may go.</param>
/// <param name="Reason">Why not (RateBudget or Cancelled) when not granted.</param>
/// <param name="Message">One sentence for the caller when not granted.</param>
public readonly record struct LimiterGrant(bool Granted, NotSentReason Reason, string? Message)
{
    /// <summary>The request may go.</summary>
    public static LimiterGrant Go => new(true, default, null);
}
