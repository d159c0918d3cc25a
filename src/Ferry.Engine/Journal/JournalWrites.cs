namespace Ferry.Engine.Journal;

/// <summary>
/// The writes of the journal, the same for every store: each runs inside the store's transaction (an
/// <see cref="IJournalSession"/>), checks the writer's claim (<see cref="ClaimBook"/>) and the state machine, calls
/// <c>commit</c>, and only then changes what the journal remembers in memory.
/// </summary>
internal static class JournalWrites
{
    /// <summary>Writes legs as planned, all in one transaction: a crash leaves all of a route's legs or none.</summary>
    public static IReadOnlyList<JournalEntry> PlanAll(IJournalSession s, ClaimBook book, IReadOnlyList<LegDescription> legs, DateTimeOffset now, Action commit)
    {
        var entries = new List<JournalEntry>(legs.Count);
        foreach (var leg in legs)
        {
            var id = JournalRows.NewId(now);
            book.CheckFence(ClaimSubjects.Of(leg, id), s);
            var written = s.Insert(id, leg, LegState.Planned, now);
            s.AddEvent(id, 1, 1, now, null, LegState.Planned, null);
            entries.Add(new JournalEntry(id, written, LegState.Planned, 1, now, now, null, null, null, null, null));
        }
        commit();
        return entries;
    }

    /// <summary>The claim, the planned step and the sending step of a new leg, on disk together before its request leaves,
    /// or none of them.</summary>
    public static JournalEntry PlanAndBeginSending(IJournalSession s, ClaimBook book, LegDescription leg, DateTimeOffset now, Action commit)
    {
        var id = JournalRows.NewId(now);
        var subject = ClaimSubjects.Of(leg, id);
        var claim = book.Enter(subject, now, s);
        if (claim.HeldByOther is { } other) throw new ClaimHeldException(other);
        var written = s.Insert(id, leg, LegState.Sending, now);
        s.AddEvent(id, 1, 1, now, null, LegState.Planned, null);
        s.AddEvent(id, 2, 1, now, LegState.Planned, LegState.Sending, null);
        commit();
        book.Hold(subject, claim.Claimed!);
        return new JournalEntry(id, written, LegState.Sending, 1, now, now, now, null, null, null, null);
    }

    /// <summary>The answer to a send begun with <see cref="PlanAndBeginSending"/>; the last hold of its claim goes back in
    /// the same transaction.</summary>
    public static JournalEntry CompleteSend(IJournalSession s, ClaimBook book, JournalEntry sending, LegState to, TransitionDetails? details, DateTimeOffset now, Action commit)
    {
        var subject = ClaimSubjects.Of(sending);
        var last = book.IsLastHold(subject, out var token);
        var entry = Update(s, book, sending.Id, LegState.Sending, to, details, now, sending);
        s.AddEvent(sending.Id, null, entry.Attempt, entry.UpdatedAt, LegState.Sending, to, JournalRows.Detail(details));
        if (last) s.Delete(subject, token);
        commit();
        book.Unhold(subject);
        return entry;
    }

    /// <summary>One checked step of the state machine and its event.</summary>
    public static JournalEntry Transition(IJournalSession s, ClaimBook book, string id, LegState expected, LegState to, TransitionDetails? details, DateTimeOffset now, Action commit)
    {
        var entry = Update(s, book, id, expected, to, details, now, known: null);
        s.AddEvent(id, null, entry.Attempt, entry.UpdatedAt, expected, to, JournalRows.Detail(details));
        commit();
        return entry;
    }

    /// <summary>A note under the writer's claim.</summary>
    public static JournalEntry Note(IJournalSession s, ClaimBook book, string id, string message, DateTimeOffset now, Action commit)
    {
        var current = s.Read(id, forUpdate: true) ?? throw new KeyNotFoundException($"There is no journal entry {id}.");
        book.CheckFence(ClaimSubjects.Of(current), s);
        s.SetMessage(id, message, now);
        commit();
        return current with { Message = message, UpdatedAt = DateTimeOffset.FromUnixTimeMilliseconds(now.ToUnixTimeMilliseconds()) };
    }

    /// <summary>Takes or enters a claim; the hold is remembered once the transaction committed.</summary>
    public static ClaimAttempt Claim(IJournalSession s, ClaimBook book, string subject, DateTimeOffset now, Action commit)
    {
        var attempt = book.Enter(subject, now, s);
        commit();
        if (attempt.Claimed is { } claim) book.Hold(subject, claim);
        return attempt;
    }

    /// <summary>Moves the entry with the store's compare-and-set, then checks the writer's claim and what the new state
    /// requires, throwing (so the transaction rolls back) when either fails. A refused step reads the entry to say why, in
    /// the order the checks always ran: missing, claim, then legality.</summary>
    private static JournalEntry Update(IJournalSession s, ClaimBook book, string id, LegState expected, LegState to, TransitionDetails? details, DateTimeOffset now, JournalEntry? known)
    {
        var entry = LegStates.IsLegal(expected, to) ? s.TryTransition(id, expected, to, details, now, known) : null;
        if (entry is null)
        {
            var current = s.Read(id) ?? throw new KeyNotFoundException($"There is no journal entry {id}.");
            book.CheckFence(ClaimSubjects.Of(current), s);
            throw new IllegalTransitionException(id, current.State, to);
        }
        book.CheckFence(ClaimSubjects.Of(entry), s);
        if (to == LegState.Done && entry.ExchangeId is null && details?.HistoryId is null)
            throw new ArgumentException("A done entry names the exchange's transfer id or its history row.", nameof(details));
        return entry;
    }
}
