using Ferry.Core.Outcomes;

namespace Ferry.Engine.Journal;

/// <summary>What one send returned, in the journal's terms: the one result shape of every leg on every venue.</summary>
/// <param name="Kind">The outcome case.</param>
/// <param name="ExchangeId">The exchange's transfer id on Done.</param>
/// <param name="HistoryId">The id the exchange's history lists the transfer under, when the answer tells it (Binance's tranId); null when it does not (HTX).</param>
/// <param name="ErrorCode">The exchange's error code on Rejected.</param>
/// <param name="Message">What happened, one sentence.</param>
public sealed record LegSendResult(OutcomeKind Kind, string? ExchangeId, string? HistoryId, string? ErrorCode, string Message)
{
    /// <summary>The exchange's error on Rejected (code and message).</summary>
    public ExchangeError? Error { get; init; }

    /// <summary>Why nothing was sent, on NotSent.</summary>
    public NotSentReason? NotSentReason { get; init; }

    /// <summary>States a client's outcome: <paramref name="exchangeId"/> reads the transfer id from the answer;
    /// <paramref name="idIsHistoryId"/> says whether the exchange's history lists the transfer under that id.</summary>
    public static LegSendResult From<T>(Outcome<T> outcome, Func<T, string> exchangeId, bool idIsHistoryId)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(exchangeId);
        switch (outcome)
        {
            case Done<T> done:
                var id = exchangeId(done.Value);
                return new(OutcomeKind.Done, id, idIsHistoryId ? id : null, null, "done");
            case Rejected<T> rejected:
                return new(OutcomeKind.Rejected, null, null, rejected.Error.Code, rejected.Error.ToString()) { Error = rejected.Error };
            case NotSent<T> notSent:
                return new(OutcomeKind.NotSent, null, null, null, notSent.Message) { NotSentReason = notSent.Reason };
            default:
                return new(outcome.Kind, null, null, null, outcome.Describe());
        }
    }
}
