using Ferry.Core.Outcomes;

namespace Ferry.Binance.Http;

/// <summary>Why a request is refused before anything is sent; becomes a NotSent outcome.</summary>
internal readonly record struct LocalRefusal(NotSentReason Reason, string Message)
{
    public NotSent<T> ToOutcome<T>() => new(Reason, Message);
}
