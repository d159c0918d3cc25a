using Ferry.Engine.Execution;
using Ferry.Engine.Journal;
using Ferry.Engine.Transfers;

namespace Ferry.Engine.Service;

/// <summary>
/// Drives one intended move to done exactly once, whatever earlier attempts (of this or a crashed process) left in the
/// journal: an entry that may have executed is reconciled before anything else; only a rejected or not-executed one is
/// sent again (a rejected one as a new entry, a not-executed one as its next attempt); a planned one that never went
/// out is marked not executed first. A route resumes from its first leg that is not done. Without
/// <paramref name="resendRejected"/> a rejection settles the intent instead (a queued unit fails rather than retrying).
/// </summary>
internal sealed class IntentDriver(ITransferJournal journal, Func<ITransferPlan, CancellationToken, Task<LegSendResult>> send,
    JournalReconciler reconciler, TimeProvider time, Policy.Requester requester, bool resendRejected = true)
{
    /// <summary>How many rounds one call makes before it leaves the rest to a later call.</summary>
    public const int MaxRounds = 400;

    public async Task<IntentRun> DriveAsync(string key, TransferProposal proposal, CancellationToken ct)
    {
        // One owner drives an intent at a time: another process's live claim leaves it to that process.
        var (claim, _) = await ClaimScope.TryTakeAsync(journal, ClaimSubjects.Intent(key), ct).ConfigureAwait(false);
        if (claim is null) return new IntentRun(IntentStatus.Held, false);
        await using var held = claim.ConfigureAwait(false);
        try
        {
            return proposal.Route is { Legs.Count: > 1 } route
                ? await DriveRouteAsync(key, route, ct).ConfigureAwait(false)
                : await DriveLegAsync(key, proposal.Legs[0], ct).ConfigureAwait(false);
        }
        catch (ClaimHeldException)
        {
            // A route is claimed on its own too: a 'journal resume' in another process has it right now.
            return new IntentRun(IntentStatus.Held, false);
        }
    }

    private async Task<IntentRun> DriveLegAsync(string key, ITransferPlan leg, CancellationToken ct)
    {
        for (var round = 0; round < MaxRounds; round++)
        {
            var entries = await journal.ForIntentAsync(key, ct).ConfigureAwait(false);
            if (entries.Any(e => e.State == LegState.Done)) return new IntentRun(IntentStatus.Settled, round > 0);
            // Any entry that may have executed is resolved before anything else is sent, whichever attempt it was.
            var last = entries.FirstOrDefault(e => e.NeedsReconciliation) ?? entries.LastOrDefault();
            switch (last?.State)
            {
                case LegState.Rejected when !resendRejected:
                    return new IntentRun(IntentStatus.Settled, round > 0);
                case null:
                case LegState.Rejected:
                    await JournaledExecutor.ExecuteAsync(journal, leg.Describe(key) with { Requester = requester }, c => send(leg, c), ct).ConfigureAwait(false);
                    break;
                case LegState.Planned:
                    await journal.TransitionAsync(last.Id, LegState.Planned, LegState.NotExecuted,
                        new TransitionDetails { Message = "never sent (the process stopped before 'sending' was written)" }, ct).ConfigureAwait(false);
                    break;
                case LegState.NotExecuted:
                    var again = AsJournaled(leg, last);
                    await JournaledExecutor.ResendAsync(journal, last.Id, c => send(again, c), ct).ConfigureAwait(false);
                    break;
                default:
                    var result = await reconciler.ReconcileAsync(last.Id, ct).ConfigureAwait(false);
                    if (result.State == LegState.Unknown && result.Reason.StartsWith("ambiguous", StringComparison.Ordinal)) return new IntentRun(IntentStatus.Settled, true);
                    break;
            }
        }
        return new IntentRun(IntentStatus.Settled, true);
    }

    /// <summary>The request an entry's next attempt sends is the one the entry records. This run's plan may carry another
    /// clientTranId (a worker that took the unit over, or a command run again, planned afresh): sent as planned, the move
    /// would be made under an id the journal never recorded, which every later lookup by the recorded id misses, and a
    /// resend would then make it twice. So the recorded id is used; anything else that differs is refused unsent.</summary>
    private static ITransferPlan AsJournaled(ITransferPlan leg, JournalEntry entry)
    {
        var again = entry.Leg.ClientTranId is { } recorded && leg is SubAccountUniversalTransferLeg planned && planned.ClientTranId != recorded
            ? TransferLegRebuild.WithNewClientTranId(planned, () => recorded)
            : leg;
        var described = again.Describe(entry.Leg.Intent);
        if (described.Endpoint == entry.Leg.Endpoint && described.AccountName == entry.Leg.AccountName && described.Parameters.SequenceEqual(entry.Leg.Parameters))
            return again;
        throw new TransferRefusedException(
            $"Journal entry {entry.Id} did not execute and records a request other than the one planned now ({entry.Leg.Endpoint} on account '{entry.Leg.AccountName}' "
            + $"with {Text(entry.Leg.Parameters)}, against {described.Endpoint} on '{described.AccountName}' with {Text(described.Parameters)}); nothing was sent, so "
            + "settle the entry by hand or move the amount anew.");
    }

    private static string Text(IReadOnlyList<KeyValuePair<string, string>> parameters) => string.Join('&', parameters.Select(p => $"{p.Key}={p.Value}"));

    private async Task<IntentRun> DriveRouteAsync(string key, TransferPlan plan, CancellationToken ct)
    {
        for (var round = 0; round < MaxRounds; round++)
        {
            var routeId = (await journal.ForIntentAsync(key, ct).ConfigureAwait(false)).Select(e => e.Leg.RouteId).FirstOrDefault(r => r is not null);
            RouteResult result;
            if (routeId is null)
            {
                result = await RouteExecutor.ExecuteAsync(journal, plan, (leg, c) => send(leg, c), reconciler, ct, time, intent: key, requester: requester).ConfigureAwait(false);
            }
            else
            {
                var legs = await RouteExecutor.LegsAsync(journal, routeId, ct).ConfigureAwait(false);
                if (legs.All(l => l.Entry.State == LegState.Done)) return new IntentRun(IntentStatus.Settled, round > 0);
                if (!resendRejected && legs.Any(l => l.Entry.State == LegState.Rejected)) return new IntentRun(IntentStatus.Settled, round > 0);
                result = await RouteExecutor.RunAsync(journal, routeId, (leg, c) => send(leg, c), reconciler, ct).ConfigureAwait(false);
            }
            if (result.Status == RouteStatus.Complete) return new IntentRun(IntentStatus.Settled, true);
            if (result.Status == RouteStatus.Stopped && !resendRejected) return new IntentRun(IntentStatus.Settled, true);
            if (result.Status == RouteStatus.Unknown && result.Legs[result.StoppedAt!.Value - 1].Entry.Message?.StartsWith("ambiguous", StringComparison.Ordinal) == true)
                return new IntentRun(IntentStatus.Settled, true);
        }
        return new IntentRun(IntentStatus.Settled, true);
    }
}
