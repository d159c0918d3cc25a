using Ferry.Htx;
using Ferry.Core.Outcomes;

namespace Ferry.Engine.Transfers;

/// <summary>What became of one planned HTX leg: the outcome case, and HTX's transfer id or error.</summary>
public sealed record HtxTransferResult(
    HtxTransferPlan Plan, OutcomeKind Kind, long? TransferId, ExchangeError? Error, NotSentReason? NotSentReason, string Message, DateTimeOffset SentAt);

/// <summary>
/// Sends one planned HTX leg. It never resends: an unknown outcome is returned as such, to be resolved against the
/// ledger with <see cref="HtxTransferReconciler"/> (design principle 3).
/// </summary>
public static class HtxTransferExecutor
{
    public static async Task<HtxTransferResult> ExecuteAsync(HtxClient client, HtxTransferPlan plan, CancellationToken ct)
    {
        var sentAt = client.Options.Time.GetUtcNow();
        var outcome = await client.Transfers.TransferAsync(plan.ToRequest(), ct).ConfigureAwait(false);
        return outcome switch
        {
            Done<Htx.Transfers.SpotSwapTransferResult> done => new(plan, OutcomeKind.Done, done.Value.TransferId, null, null, "done", sentAt),
            Rejected<Htx.Transfers.SpotSwapTransferResult> rejected => new(plan, OutcomeKind.Rejected, null, rejected.Error, null, rejected.Error.ToString(), sentAt),
            NotSent<Htx.Transfers.SpotSwapTransferResult> notSent => new(plan, OutcomeKind.NotSent, null, null, notSent.Reason, notSent.Message, sentAt),
            _ => new(plan, outcome.Kind, null, null, null, outcome.Describe(), sentAt),
        };
    }
}
