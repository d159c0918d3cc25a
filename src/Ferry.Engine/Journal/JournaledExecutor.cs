using Ferry.Core.Outcomes;

namespace Ferry.Engine.Journal;

/// <summary>
/// The one journaled path every leg goes through: write the leg (planned), write sending (durable), send, write what came
/// back. A NotSent outcome (nothing left the process) and a Rejected one are recorded as rejected; an Unknown one stays
/// unknown until <see cref="JournalReconciler"/> decides. Nothing here resends: a new attempt is <see cref="ResendAsync"/>,
/// legal only from not-executed.
/// </summary>
public static class JournaledExecutor
{
    /// <summary>Journals and sends a new leg: planned, sending and the entry's claim in one write before the request
    /// leaves, then the answer and the claim's release in a second.</summary>
    public static async Task<(JournalEntry Entry, LegSendResult Result)> ExecuteAsync(ITransferJournal journal, LegDescription leg,
        Func<CancellationToken, Task<LegSendResult>> send, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentNullException.ThrowIfNull(send);
        var sending = await journal.PlanAndBeginSendingAsync(leg, ct).ConfigureAwait(false);
        EngineTelemetry.Entered(sending);
        var subject = ClaimSubjects.Of(sending);
        using var activity = EngineTelemetry.StartLeg(sending);
        try
        {
            var result = await SendOnceAsync(send, ct).ConfigureAwait(false);
            var (to, details) = Answer(result);
            // The answer is written whatever happens to the caller now: the request has left.
            var recorded = await journal.CompleteSendAsync(sending, to, details, CancellationToken.None).ConfigureAwait(false);
            EngineTelemetry.EndLeg(activity, recorded, result);
            return (recorded, result);
        }
        catch
        {
            // Cancelled, or the answer could not be written: the entry stays sending for reconciliation, the claim goes back.
            await ReleaseQuietlyAsync(journal, subject).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Sends an entry written earlier and still planned (e.g. a later leg of a route), as its first attempt.</summary>
    public static Task<(JournalEntry Entry, LegSendResult Result)> SendPlannedAsync(ITransferJournal journal, string id,
        Func<CancellationToken, Task<LegSendResult>> send, CancellationToken ct) =>
        SendAsync(journal, id, LegState.Planned, send, ct);

    /// <summary>Sends an entry that reconciliation found not executed again, as its next attempt.</summary>
    public static Task<(JournalEntry Entry, LegSendResult Result)> ResendAsync(ITransferJournal journal, string id,
        Func<CancellationToken, Task<LegSendResult>> send, CancellationToken ct) =>
        SendAsync(journal, id, LegState.NotExecuted, send, ct);

    private static async Task<(JournalEntry, LegSendResult)> SendAsync(ITransferJournal journal, string id, LegState from,
        Func<CancellationToken, Task<LegSendResult>> send, CancellationToken ct)
    {
        var current = await journal.FindAsync(id, ct).ConfigureAwait(false) ?? throw new KeyNotFoundException($"There is no journal entry {id}.");
        // The entry's unit of work is held from 'sending' to the answer, so no other process takes the in-flight leg for
        // a crashed one (already held when a route or an intent is being run: then this only enters it again).
        var claim = await ClaimScope.TakeAsync(journal, ClaimSubjects.Of(current), ct).ConfigureAwait(false);
        await using var _ = claim.ConfigureAwait(false);
        var sending = await journal.TransitionAsync(id, from, LegState.Sending, ct: ct).ConfigureAwait(false);
        EngineTelemetry.Entered(sending);
        using var activity = EngineTelemetry.StartLeg(sending);
        var result = await SendOnceAsync(send, ct).ConfigureAwait(false);
        var (to, details) = Answer(result);
        if (to == LegState.Rejected && await IsFirstRefusalOfAReusedIdAsync(journal, sending, result, CancellationToken.None).ConfigureAwait(false))
        {
            (to, details) = (LegState.Unknown, new TransitionDetails
            {
                ErrorCode = result.ErrorCode,
                Message = $"{ReusedIdRefusal} {sending.Leg.ClientTranId} of the earlier attempts ({result.Message}); the exchange does not document its "
                    + "answer to a reused id, so whether an earlier attempt executed is looked up by that id before anything else",
            });
        }
        var recorded = await journal.TransitionAsync(id, LegState.Sending, to, details, CancellationToken.None).ConfigureAwait(false);
        EngineTelemetry.EndLeg(activity, recorded, result);
        return (recorded, result);
    }

    private const string ReusedIdRefusal = "refused on a new attempt that reuses the clientTranId";

    /// <summary>
    /// A new attempt of a leg with a client id sends the id again, and an exchange refuses a reused id (Binance's
    /// sub-account universal transfer with a generic -5010 in the simulator; its docs only say "must be unique"). So the
    /// first refusal of such an attempt is not believed: it may mean an earlier attempt executed after all. It is left
    /// unknown for the reconciler to look the id up; a later refusal, after the lookup found nothing, stands.
    /// </summary>
    private static async ValueTask<bool> IsFirstRefusalOfAReusedIdAsync(ITransferJournal journal, JournalEntry sending, LegSendResult result,
        CancellationToken ct)
    {
        if (sending.Attempt < 2 || sending.Leg.ClientTranId is null || result.Kind != OutcomeKind.Rejected) return false;
        var events = await journal.EventsAsync(sending.Id, ct).ConfigureAwait(false);
        return !events.Any(e => e.Detail?.Contains(ReusedIdRefusal, StringComparison.Ordinal) == true);
    }

    /// <summary>Sends once; anything but cancellation that escapes the sender counts as an unknown outcome.</summary>
    private static async Task<LegSendResult> SendOnceAsync(Func<CancellationToken, Task<LegSendResult>> send, CancellationToken ct)
    {
        try
        {
            return await send(ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new LegSendResult(OutcomeKind.Unknown, null, null, null, $"the send failed unexpectedly ({e.GetType().Name}); it may have executed");
        }
    }

    /// <summary>The state and details an answer is recorded as.</summary>
    private static (LegState To, TransitionDetails Details) Answer(LegSendResult result) => result.Kind switch
    {
        OutcomeKind.Done => (LegState.Done,
            new TransitionDetails { ExchangeId = result.ExchangeId ?? result.HistoryId, HistoryId = result.HistoryId, Message = result.Message }),
        OutcomeKind.Rejected or OutcomeKind.NotSent => (LegState.Rejected,
            new TransitionDetails { ErrorCode = result.ErrorCode ?? (result.Kind == OutcomeKind.NotSent ? "not-sent" : null), Message = result.Message }),
        _ => (LegState.Unknown, new TransitionDetails { Message = result.Message }),
    };

    private static async ValueTask ReleaseQuietlyAsync(ITransferJournal journal, string subject)
    {
        try
        {
            await journal.ReleaseAsync(subject, CancellationToken.None).ConfigureAwait(false);
        }
        catch (ObjectDisposedException)
        {
            // The journal closed first and handed every claim back.
        }
    }
}
