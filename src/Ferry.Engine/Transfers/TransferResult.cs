using Ferry.Core.Outcomes;

namespace Ferry.Engine.Transfers;

/// <summary>What became of one planned move: the outcome case, and the exchange's id or error.</summary>
public sealed record TransferResult(
    WalletTransferPlan Plan, OutcomeKind Kind, long? TransferId, ExchangeError? Error, NotSentReason? NotSentReason, string Message)
{
    /// <summary>Builds the result from the client's outcome.</summary>
    public static TransferResult From<T>(WalletTransferPlan plan, Outcome<T> outcome, Func<T, long> transferId) => outcome switch
    {
        Done<T> done => new(plan, OutcomeKind.Done, transferId(done.Value), null, null, "done"),
        Rejected<T> rejected => new(plan, OutcomeKind.Rejected, null, rejected.Error, null, rejected.Error.ToString()),
        NotSent<T> notSent => new(plan, OutcomeKind.NotSent, null, null, notSent.Reason, notSent.Message),
        _ => new(plan, outcome.Kind, null, null, null, outcome.Describe()),
    };
}
