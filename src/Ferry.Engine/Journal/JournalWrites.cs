using Ferry.Engine.Approvals;
using Ferry.Engine.Audit;
using Ferry.Engine.Policy;

namespace Ferry.Engine.Journal;

/// <summary>
/// The writes of the journal, the same for every store: each runs inside the store's transaction (an
/// <see cref="IJournalSession"/>), checks the writer's claim (<see cref="ClaimBook"/>) and the state machine, calls
/// <c>commit</c>, and only then changes what the journal remembers in memory.
/// </summary>
internal static class JournalWrites
{
    /// <summary>Writes legs as planned, all in one transaction: a crash leaves all of a route's legs or none. Each move's
    /// policy check runs just before its first leg is written, so a move earlier in the batch counts for the next.</summary>
    public static async ValueTask<IReadOnlyList<JournalEntry>> PlanAllAsync(IJournalSession s, ClaimBook book, MoveAdmission? admission, IReadOnlyList<LegDescription> legs, DateTimeOffset now, Func<ValueTask> commit, CancellationToken ct)
    {
        var entries = new List<JournalEntry>(legs.Count);
        foreach (var leg in legs)
        {
            var id = JournalRows.NewId(now);
            if (leg.StartsMove) await AdmitAsync(s, admission, leg, legs, id, retry: false, now, ct).ConfigureAwait(false);
            await book.CheckFenceAsync(ClaimSubjects.Of(leg, id), s, ct).ConfigureAwait(false);
            var written = await s.InsertAsync(id, leg, LegState.Planned, now, ct).ConfigureAwait(false);
            await s.AddEventAsync(id, 1, 1, now, null, LegState.Planned, null, ct).ConfigureAwait(false);
            entries.Add(new JournalEntry(id, written, LegState.Planned, 1, now, now, null, null, null, null, null));
        }
        await commit().ConfigureAwait(false);
        return entries;
    }

    /// <summary>The claim, the planned step and the sending step of a new leg, on disk together before its request leaves,
    /// or none of them.</summary>
    public static async ValueTask<JournalEntry> PlanAndBeginSendingAsync(IJournalSession s, ClaimBook book, MoveAdmission? admission, LegDescription leg, DateTimeOffset now, Func<ValueTask> commit, CancellationToken ct)
    {
        var id = JournalRows.NewId(now);
        var subject = ClaimSubjects.Of(leg, id);
        // The policy's lock before the claim's, in every write that takes both, so two writers never wait on each other.
        if (leg.StartsMove && admission is not null) await AdmitAsync(s, admission, leg, [leg], id, retry: false, now, ct).ConfigureAwait(false);
        var claim = await book.EnterAsync(subject, now, s, ct).ConfigureAwait(false);
        if (claim.HeldByOther is { } other) throw new ClaimHeldException(other);
        var written = await s.InsertAsync(id, leg, LegState.Sending, now, ct).ConfigureAwait(false);
        await s.AddEventAsync(id, 1, 1, now, null, LegState.Planned, null, ct).ConfigureAwait(false);
        await s.AddEventAsync(id, 2, 1, now, LegState.Planned, LegState.Sending, null, ct).ConfigureAwait(false);
        await commit().ConfigureAwait(false);
        book.Hold(subject, claim.Claimed!);
        return new JournalEntry(id, written, LegState.Sending, 1, now, now, now, null, null, null, null);
    }

    /// <summary>The answer to a send begun with <see cref="PlanAndBeginSendingAsync"/>; the last hold of its claim goes back in
    /// the same transaction.</summary>
    public static async ValueTask<JournalEntry> CompleteSendAsync(IJournalSession s, ClaimBook book, JournalEntry sending, LegState to, TransitionDetails? details, DateTimeOffset now, Func<ValueTask> commit, CancellationToken ct)
    {
        var subject = ClaimSubjects.Of(sending);
        var last = book.IsLastHold(subject, out var token);
        var entry = await UpdateAsync(s, book, sending.Id, LegState.Sending, to, details, now, sending, ct).ConfigureAwait(false);
        await s.AddEventAsync(sending.Id, null, entry.Attempt, entry.UpdatedAt, LegState.Sending, to, JournalRows.Detail(details), ct).ConfigureAwait(false);
        if (last) await s.DeleteAsync(subject, token, ct).ConfigureAwait(false);
        await commit().ConfigureAwait(false);
        book.Unhold(subject);
        return entry;
    }

    /// <summary>One checked step of the state machine and its event. A new attempt of a move that did not execute counts
    /// again, so the policy judges it again first.</summary>
    public static async ValueTask<JournalEntry> TransitionAsync(IJournalSession s, ClaimBook book, MoveAdmission? admission, string id, LegState expected, LegState to, TransitionDetails? details, DateTimeOffset now, Func<ValueTask> commit, CancellationToken ct)
    {
        if (admission is not null && expected == LegState.NotExecuted && to == LegState.Sending)
        {
            await s.LockAdmissionAsync(ct).ConfigureAwait(false);
            if (await s.ReadAsync(id, forUpdate: false, ct).ConfigureAwait(false) is { Leg.StartsMove: true } again) await AdmitAsync(s, admission, again.Leg, [], id, retry: true, now, ct).ConfigureAwait(false);
        }
        var entry = await UpdateAsync(s, book, id, expected, to, details, now, known: null, ct).ConfigureAwait(false);
        await s.AddEventAsync(id, null, entry.Attempt, entry.UpdatedAt, expected, to, JournalRows.Detail(details), ct).ConfigureAwait(false);
        await commit().ConfigureAwait(false);
        return entry;
    }

    /// <summary>A note under the writer's claim.</summary>
    public static async ValueTask<JournalEntry> NoteAsync(IJournalSession s, ClaimBook book, string id, string message, DateTimeOffset now, Func<ValueTask> commit, CancellationToken ct)
    {
        var current = await s.ReadAsync(id, forUpdate: true, ct).ConfigureAwait(false) ?? throw new KeyNotFoundException($"There is no journal entry {id}.");
        await book.CheckFenceAsync(ClaimSubjects.Of(current), s, ct).ConfigureAwait(false);
        await s.SetMessageAsync(id, message, now, ct).ConfigureAwait(false);
        await commit().ConfigureAwait(false);
        return current with { Message = message, UpdatedAt = DateTimeOffset.FromUnixTimeMilliseconds(now.ToUnixTimeMilliseconds()) };
    }

    /// <summary>Takes or enters a claim; the hold is remembered once the transaction committed.</summary>
    public static async ValueTask<ClaimAttempt> ClaimAsync(IJournalSession s, ClaimBook book, string subject, DateTimeOffset now, Func<ValueTask> commit, CancellationToken ct)
    {
        var attempt = await book.EnterAsync(subject, now, s, ct).ConfigureAwait(false);
        await commit().ConfigureAwait(false);
        if (attempt.Claimed is { } claim) book.Hold(subject, claim);
        return attempt;
    }

    /// <summary>Runs the policy's check on a move about to start, inside the caller's write transaction: the store's
    /// admission lock first, then the counted moves read under it.</summary>
    private static async ValueTask AdmitAsync(IJournalSession s, MoveAdmission? admission, LegDescription firstLeg, IReadOnlyList<LegDescription> writing,
        string entryId, bool retry, DateTimeOffset now, CancellationToken ct)
    {
        if (admission is null) return;
        await s.LockAdmissionAsync(ct).ConfigureAwait(false);
        var target = await MoveTargetAsync(s, firstLeg, writing, ct).ConfigureAwait(false);
        var context = new AdmissionContext(firstLeg, target, entryId, retry, now, s.CountedSinceAsync, s.Approvals);
        try
        {
            await admission(context, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (context.Kept.Count > 0)
        {
            throw new AdmissionRefusal(e, context.Kept);
        }
    }

    /// <summary>After a refused write rolled back: the refusal's audit rows and a new waiting request, in a transaction of
    /// their own under the admission lock. Returns the exception to throw: the refusal, naming the open request of the same
    /// payload when another run opened one meanwhile.</summary>
    public static async ValueTask<Exception> WriteKeptAsync(IJournalSession s, AdmissionRefusal refusal, DateTimeOffset now, Func<ValueTask> commit, CancellationToken ct)
    {
        await s.LockAdmissionAsync(ct).ConfigureAwait(false);
        var thrown = refusal.InnerException!;
        foreach (var (audit, waiting) in refusal.Kept)
        {
            var record = audit;
            if (waiting is not null)
            {
                await s.Approvals.ExpireOpenAsync(waiting.PayloadHash, now, ct).ConfigureAwait(false);
                if (await s.Approvals.OpenAsync(waiting.PayloadHash, ct).ConfigureAwait(false) is { } other)
                {
                    record = audit with { ApprovalId = other.Id, Message = audit.Message.Replace(waiting.Id, other.Id, StringComparison.Ordinal) };
                    if (thrown is PolicyRefusedException p)
                        thrown = new PolicyRefusedException(p.Decision with { ApprovalId = other.Id, Message = p.Message.Replace(waiting.Id, other.Id, StringComparison.Ordinal) });
                }
                else
                {
                    await s.Approvals.InsertAsync(waiting, ct).ConfigureAwait(false);
                }
            }
            await s.Approvals.InsertAuditAsync(record, ct).ConfigureAwait(false);
        }
        await commit().ConfigureAwait(false);
        return thrown;
    }

    /// <summary>One approver's answer to a request, checked and written with its audit row in one transaction: refused (by
    /// <see cref="ApprovalRefusedException"/>, nothing written) when there is no such request, its payload no longer matches
    /// its hash, it is no longer open (denied, executed, expired, or already approved: a replay), the approver asked for the
    /// move, may not approve under the rule, or already answered.</summary>
    public static async ValueTask<ApprovalRequest> DecideAsync(IJournalSession s, string id, string approver, bool approve, string? reason, DateTimeOffset now, Func<ValueTask> commit, CancellationToken ct)
    {
        var request = await s.Approvals.FindAsync(id, lockRow: true, ct).ConfigureAwait(false) ?? throw new ApprovalRefusedException($"There is no approval request {id}; 'ferry approvals list' shows the open ones.", unknownId: true);
        if (request.Altered)
            throw new ApprovalRefusedException($"Approval {id} no longer matches the move it was requested for (its details were changed after the request); it cannot be approved or used, and nothing was written.");
        var state = request.StateAt(now);
        var refusal = state switch
        {
            ApprovalState.Executed => $"Approval {id} was already used (journal entry {request.EntryId}); an approval runs its move once.",
            ApprovalState.Denied => $"Approval {id} was denied by {string.Join(", ", request.Votes.Where(v => !v.Approve).Select(v => v.Approver))}; ask for the move again to start a new request.",
            ApprovalState.Expired => $"Approval {id} expired at {request.ExpiresAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC; ask for the move again to start a new request.",
            ApprovalState.Approved => $"Approval {id} is already approved (by {string.Join(", ", request.Votes.Where(v => v.Approve).Select(v => v.Approver))}); nothing changed.",
            _ => null,
        };
        if (refusal is not null) throw new ApprovalRefusedException(refusal);
        if (string.Equals(approver, request.RequesterName, StringComparison.OrdinalIgnoreCase))
            throw new ApprovalRefusedException($"{approver} asked for the move of approval {id}, so someone else must {(approve ? "approve" : "deny")} it (four eyes); nothing was written.");
        if (request.Approvers.Count > 0 && !request.Approvers.Any(a => string.Equals(a, approver, StringComparison.OrdinalIgnoreCase)))
            throw new ApprovalRefusedException($"Only {string.Join(", ", request.Approvers)} may answer approval {id} ({(request.Rule is null ? "the policy's default" : $"rule '{request.Rule}'")}), not {approver}; nothing was written.");
        if (request.Votes.Any(v => string.Equals(v.Approver, approver, StringComparison.OrdinalIgnoreCase)))
            throw new ApprovalRefusedException($"{approver} already answered approval {id}; it needs {request.Required} distinct approvers.");
        var vote = new ApprovalVote(approver, approve, now, reason);
        await s.Approvals.InsertVoteAsync(id, vote, ct).ConfigureAwait(false);
        var votes = request.Votes.Append(vote).ToList();
        var decided = request with { Votes = votes };
        var to = !approve ? ApprovalState.Denied : decided.Approvals >= request.Required ? ApprovalState.Approved : ApprovalState.Waiting;
        if (to != ApprovalState.Waiting && !await s.Approvals.SetStateAsync(id, ApprovalState.Waiting, to, null, now, ct).ConfigureAwait(false))
            throw new ApprovalRefusedException($"Approval {id} changed while it was being answered; look at it again with 'ferry approvals list --all'.");
        decided = decided with { State = to };
        var message = !approve
            ? $"{approver} denied approval {id}{(string.IsNullOrWhiteSpace(reason) ? "" : $" ({reason})")}: {request.Payload.Describe()} will not run under it."
            : to == ApprovalState.Approved
                ? $"{approver} approved {id} ({decided.Approvals} of {request.Required}): {request.Payload.Describe()} runs when {request.Payload.Requester} runs it again."
                : $"{approver} approved {id} ({decided.Approvals} of {request.Required}); it waits for {request.Required - decided.Approvals} more.";
        await s.Approvals.InsertAuditAsync(new AuditRecord(0, now, approve ? AuditKind.Approved : AuditKind.Denied, approver, request.Rule, id, null, request.Payload, message), ct).ConfigureAwait(false);
        await commit().ConfigureAwait(false);
        return decided;
    }

    /// <summary>Where a move that starts with <paramref name="first"/> ends: the last leg of its route among the legs being
    /// written, else the route's last leg already on file, else the leg's own target.</summary>
    private static async ValueTask<string> MoveTargetAsync(IJournalSession s, LegDescription first, IReadOnlyList<LegDescription> writing, CancellationToken ct)
    {
        if (first.RouteId is null) return first.To;
        var last = writing.Where(l => l.RouteId == first.RouteId).MaxBy(l => l.RouteLeg ?? 0);
        if (last is not null && last.RouteLeg > first.RouteLeg) return last.To;
        return await s.RouteTargetAsync(first.RouteId, ct).ConfigureAwait(false) ?? first.To;
    }

    /// <summary>Moves the entry with the store's compare-and-set, then checks the writer's claim and what the new state
    /// requires, throwing (so the transaction rolls back) when either fails. A refused step reads the entry to say why, in
    /// the order the checks always ran: missing, claim, then legality.</summary>
    private static async ValueTask<JournalEntry> UpdateAsync(IJournalSession s, ClaimBook book, string id, LegState expected, LegState to, TransitionDetails? details, DateTimeOffset now, JournalEntry? known, CancellationToken ct)
    {
        var entry = LegStates.IsLegal(expected, to) ? await s.TryTransitionAsync(id, expected, to, details, now, known, ct).ConfigureAwait(false) : null;
        if (entry is null)
        {
            var current = await s.ReadAsync(id, forUpdate: false, ct).ConfigureAwait(false) ?? throw new KeyNotFoundException($"There is no journal entry {id}.");
            await book.CheckFenceAsync(ClaimSubjects.Of(current), s, ct).ConfigureAwait(false);
            JournalLog.TransitionRefused(book.Logger, id, LegStates.Name(expected), LegStates.Name(to), LegStates.Name(current.State));
            throw new IllegalTransitionException(id, current.State, to);
        }
        await book.CheckFenceAsync(ClaimSubjects.Of(entry), s, ct).ConfigureAwait(false);
        if (to == LegState.Done && entry.ExchangeId is null && details?.HistoryId is null)
            throw new ArgumentException("A done entry names the exchange's transfer id or its history row.", nameof(details));
        return entry;
    }
}
