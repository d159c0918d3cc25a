using Ferry.Core.Outcomes;

namespace Ferry.Engine.Journal;

/// <summary>
/// Resolves entries left <c>sending</c> (a crash or interruption while sending) or <c>unknown</c> against the exchange's
/// own record: by client id where the leg has one, else by matching history rows not claimed by another entry. It never
/// guesses: several candidate rows keep the entry unknown with the reason; "not found" becomes not-executed only once
/// the exchange can no longer accept the request (the venue's request validity after the attempt left 'sending') and the
/// history-lag window after that has passed.
/// </summary>
public sealed class JournalReconciler(ITransferJournal journal, Func<JournalEntry, ILegReconciler?> reconcilers, TimeProvider time,
    ReconcileOptions? options = null)
{
    private readonly ReconcileOptions _options = options ?? new ReconcileOptions();

    /// <summary>Every entry that needs it, oldest first.</summary>
    public async Task<IReadOnlyList<ReconcileResult>> ReconcileAllAsync(CancellationToken ct)
    {
        var results = new List<ReconcileResult>();
        foreach (var entry in (await journal.ListAsync([LegState.Sending, LegState.Unknown], ct: ct).ConfigureAwait(false)).OrderBy(e => e.SentAt ?? e.CreatedAt))
            results.Add(await ReconcileAsync(entry.Id, ct).ConfigureAwait(false));
        return results;
    }

    /// <summary>One entry; a settled entry is returned as it is. An entry whose unit of work another live ferry holds (it
    /// may be in flight right now) is left to it untouched: the result names that owner in <see cref="ReconcileResult.HeldBy"/>.</summary>
    public async Task<ReconcileResult> ReconcileAsync(string id, CancellationToken ct)
    {
        var entry = await journal.FindAsync(id, ct).ConfigureAwait(false) ?? throw new KeyNotFoundException($"There is no journal entry {id}.");
        if (!entry.NeedsReconciliation) return await SettleAsync(entry, ct).ConfigureAwait(false);
        var (claim, heldBy) = await ClaimScope.TryTakeAsync(journal, ClaimSubjects.Of(entry), ct).ConfigureAwait(false);
        if (claim is null)
            return new(entry, $"left to another ferry ({heldBy!.Owner.Describe()}) that is working on it") { HeldBy = heldBy };
        await using var _ = claim.ConfigureAwait(false);
        // Read again under the claim: the owner that just let go may have settled it.
        entry = (await journal.FindAsync(id, ct).ConfigureAwait(false))!;
        var settled = await SettleAsync(entry, ct).ConfigureAwait(false);
        if (settled.Entry.State != entry.State)
        {
            EngineTelemetry.Entered(settled.Entry);
        }

        EngineTelemetry.Reconciled(settled.Entry);
        return settled;
    }

    private async Task<ReconcileResult> SettleAsync(JournalEntry entry, CancellationToken ct)
    {
        var id = entry.Id;
        if (entry.State == LegState.Planned)
            return new(entry, "planned and never sent; nothing to reconcile");
        if (LegStates.IsSettled(entry.State))
            return new(entry, $"already {LegStates.Name(entry.State)}");
        if (entry.State == LegState.Sending)
        {
            entry = await journal.TransitionAsync(id, LegState.Sending, LegState.Unknown,
                new TransitionDetails { Message = "found in 'sending': the process stopped while the request may have been in flight" }, ct).ConfigureAwait(false);
        }
        var leftSending = await LeftSendingAtAsync(entry, ct).ConfigureAwait(false);

        var reconciler = reconcilers(entry);
        if (reconciler is null)
            return await StayAsync(entry, $"no reconciler for leg kind {entry.Leg.Kind} on account '{entry.Leg.AccountName}' (is the account still configured?)", ct).ConfigureAwait(false);
        var sentAt = entry.SentAt!.Value;
        // The latest moment the exchange could still accept this attempt's request. It was signed, if at all, before the
        // attempt left 'sending': its sender wrote the answer after signing, or had stopped (its claim was free) when a
        // reconciler took the entry over. The exchange refuses it once its validity after signing has passed.
        var lastAccepted = leftSending + reconciler.RequestValidity;
        var missesAfterWindow = 0;
        while (true)
        {
            var outcome = await reconciler.FindAsync(entry, sentAt - _options.MatchWindow, lastAccepted + _options.MatchWindow, ct).ConfigureAwait(false);
            if (outcome is not Done<LegEvidence> done)
                return await StayAsync(entry, $"the exchange's record could not be read ({outcome.Describe()}); try 'ferry journal reconcile' again", ct).ConfigureAwait(false);

            var (verdict, historyId, reason) = await DecideAsync(entry, done.Value, ct).ConfigureAwait(false);
            switch (verdict)
            {
                case Verdict.Executed:
                    var executed = await journal.TransitionAsync(id, LegState.Unknown, LegState.Done,
                        new TransitionDetails { HistoryId = historyId, ExchangeId = historyId, Message = reason }, ct).ConfigureAwait(false);
                    return new(executed, reason);
                case Verdict.Stay:
                    return await StayAsync(entry, reason, ct).ConfigureAwait(false);
            }

            var settledAt = lastAccepted + _options.HistoryLagWindow;
            var now = time.GetUtcNow();
            if (now >= settledAt && ++missesAfterWindow < Math.Max(1, _options.ConfirmReads))
                continue;
            if (now >= settledAt)
            {
                var message = $"{reason}, and the history-lag window ({_options.HistoryLagWindow.TotalSeconds:0.###} s after the request could last have been accepted, {(settledAt - sentAt).TotalSeconds:0.###} s after sending) has passed: it did not execute";
                return new(await journal.TransitionAsync(id, LegState.Unknown, LegState.NotExecuted, new TransitionDetails { Message = message }, ct).ConfigureAwait(false), message);
            }
            if (!_options.WaitForLag)
                return await StayAsync(entry, $"{reason} yet; history may lag, so Ferry waits until {settledAt:u} before concluding it did not execute", ct).ConfigureAwait(false);
            var pause = settledAt - now < _options.RequeryInterval ? settledAt - now : _options.RequeryInterval;
            _options.Waiting?.Invoke(new ReconcileWait(id, reason, now, settledAt));
            await (_options.Delay?.Invoke(pause, ct) ?? Task.Delay(pause, time, ct)).ConfigureAwait(false);
        }
    }

    /// <summary>When this attempt left 'sending' (its answer, or a reconciler finding it there), from its events.</summary>
    private async ValueTask<DateTimeOffset> LeftSendingAtAsync(JournalEntry entry, CancellationToken ct)
    {
        var events = await journal.EventsAsync(entry.Id, ct).ConfigureAwait(false);
        var left = events.LastOrDefault(e => e.Attempt == entry.Attempt && e.From == LegState.Sending);
        return left?.At ?? entry.SentAt!.Value;
    }

    private enum Verdict { Executed, NotFound, Stay }

    private async ValueTask<(Verdict, string?, string)> DecideAsync(JournalEntry entry, LegEvidence evidence, CancellationToken ct)
    {
        switch (evidence)
        {
            case CannotTell cannot:
                return (Verdict.Stay, null, cannot.Reason);
            case FoundByClientId byId:
                return byId.TransferId is null
                    ? (Verdict.NotFound, null, $"no transfer with clientTranId {entry.Leg.ClientTranId} is listed")
                    : (Verdict.Executed, byId.TransferId, $"listed by clientTranId {entry.Leg.ClientTranId} as transfer {byId.TransferId}");
            case HistoryCandidates candidates:
                var claimed = await journal.ClaimedHistoryIdsAsync(entry.Leg.Venue, ct).ConfigureAwait(false);
                var free = candidates.Rows.Where(r => !claimed.Contains(Id(r.TransferId))).ToList();
                // Done entries of the same shape whose history row is not known (their answer carried an id that the
                // history does not show) explain one candidate row each, but not which one.
                var unattributed = (await journal.ListAsync([LegState.Done], ct: ct).ConfigureAwait(false)).Count(e => e.Id != entry.Id && e.HistoryId is null && SameShape(e, entry));
                if (free.Count == 0 || free.Count <= unattributed)
                {
                    return (Verdict.NotFound, null, free.Count == 0
                        ? $"no unclaimed {entry.Leg.Kind} row of {entry.Leg.Amount} {entry.Leg.Asset} within ±{_options.MatchWindow.TotalMinutes:0.#} min of sending is listed"
                        : $"the {free.Count} matching row(s) are explained by {unattributed} other done entr(ies)");
                }

                if (free.Count == 1 && unattributed == 0)
                    return (Verdict.Executed, Id(free[0].TransferId), $"matched history row {free[0].TransferId} ({free[0].Type}, {free[0].Amount} {free[0].Asset} at {free[0].Time:u})");
                return (Verdict.Stay, null,
                    $"ambiguous: {free.Count} unclaimed history rows match ({string.Join(", ", free.Select(r => r.TransferId))}) and {unattributed} done entr(ies) of the same shape lack a row id, so Ferry cannot tell whether this one executed; check the exchange and settle it by hand");
            default:
                return (Verdict.Stay, null, "unrecognised evidence");
        }
    }

    private bool SameShape(JournalEntry a, JournalEntry b) =>
        a.Leg.Kind == b.Leg.Kind && a.Leg.Asset == b.Leg.Asset && a.Leg.Amount == b.Leg.Amount && a.Leg.From == b.Leg.From
        && a.Leg.To == b.Leg.To && a.SentAt is { } s && b.SentAt is { } t && (s - t).Duration() <= _options.MatchWindow * 2;

    private async ValueTask<ReconcileResult> StayAsync(JournalEntry entry, string reason, CancellationToken ct) =>
        new(await journal.NoteAsync(entry.Id, reason, ct).ConfigureAwait(false), reason);

    private static string Id(long id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
