namespace Ferry.Engine.Journal;

/// <summary>
/// The durable journal of legs. Every write that changes a state is durable when the call returns (the SQLite store
/// commits with synchronous=FULL), so a leg marked <see cref="LegState.Sending"/> is on disk before its request leaves.
/// Several processes may share one journal: a unit of work (a route, an intent, a lone entry; see
/// <see cref="ClaimSubjects"/>) is claimed before it is worked on, the claim's lease is renewed while it is held, and a
/// write under a subject another live owner claimed, or under a claim this journal lost, is refused.
/// Two stores implement it with the same shared writes and checks: <see cref="SqliteTransferJournal"/> (one file) and
/// PostgresTransferJournal (Ferry.Engine.Postgres, one database for several machines). Every call that reads or writes
/// the database is asynchronous: PostgreSQL's awaits the server without holding a thread, SQLite's completes synchronously
/// (its file is local and its calls are short), which is why the calls return <see cref="ValueTask{TResult}"/>.
/// </summary>
public interface ITransferJournal : IDisposable, IAsyncDisposable
{
    /// <summary>Writes a new leg in <see cref="LegState.Planned"/> with a fresh stable id.</summary>
    ValueTask<JournalEntry> PlanAsync(LegDescription leg, CancellationToken ct = default);

    /// <summary>Writes several legs (a route's) in <see cref="LegState.Planned"/> in one transaction: all or none.</summary>
    ValueTask<IReadOnlyList<JournalEntry>> PlanAllAsync(IReadOnlyList<LegDescription> legs, CancellationToken ct = default);

    /// <summary>Writes a new leg straight into <see cref="LegState.Sending"/> (its planned and sending steps both recorded)
    /// and takes or enters the claim on its unit of work, in one durable write: the path of a leg that is sent at once.
    /// Throws <see cref="ClaimHeldException"/>, writing nothing, when another live owner holds the unit. The caller sends,
    /// then records the answer with <see cref="CompleteSendAsync"/> (or, when it gives up without an answer, releases the
    /// claim with <see cref="ReleaseAsync"/> and leaves the entry sending for reconciliation).</summary>
    ValueTask<JournalEntry> PlanAndBeginSendingAsync(LegDescription leg, CancellationToken ct = default);

    /// <summary>Records the answer to a send begun with <see cref="PlanAndBeginSendingAsync"/> (done, rejected or unknown) and
    /// releases the claim hold that call took, in one durable write. <paramref name="sending"/> is the entry that call
    /// returned.</summary>
    ValueTask<JournalEntry> CompleteSendAsync(JournalEntry sending, LegState to, TransitionDetails? details = null, CancellationToken ct = default);

    /// <summary>Moves <paramref name="id"/> from <paramref name="expected"/> to <paramref name="to"/>; refuses an illegal
    /// transition or a stale <paramref name="expected"/> with <see cref="IllegalTransitionException"/>. Going from
    /// not-executed to sending starts a new attempt.</summary>
    ValueTask<JournalEntry> TransitionAsync(string id, LegState expected, LegState to, TransitionDetails? details = null, CancellationToken ct = default);

    /// <summary>Records a reconciliation note (e.g. why an unknown entry stays unknown) without changing the state.</summary>
    ValueTask<JournalEntry> NoteAsync(string id, string message, CancellationToken ct = default);

    /// <summary>The entry, or null.</summary>
    ValueTask<JournalEntry?> FindAsync(string id, CancellationToken ct = default);

    /// <summary>Entries, newest first, optionally only those in the given states.</summary>
    ValueTask<IReadOnlyList<JournalEntry>> ListAsync(IReadOnlyCollection<LegState>? states = null, int limit = int.MaxValue, CancellationToken ct = default);

    /// <summary>The entries of one intent, oldest first.</summary>
    ValueTask<IReadOnlyList<JournalEntry>> ForIntentAsync(string intent, CancellationToken ct = default);

    /// <summary>The entries of one route, oldest first (a retried leg has several entries at one position).</summary>
    ValueTask<IReadOnlyList<JournalEntry>> ForRouteAsync(string routeId, CancellationToken ct = default);

    /// <summary>The id of the newest route (by its newest leg), or null when the journal holds none.</summary>
    ValueTask<string?> LatestRouteIdAsync(CancellationToken ct = default);

    /// <summary>The recorded steps of an entry, oldest first.</summary>
    ValueTask<IReadOnlyList<JournalEvent>> EventsAsync(string id, CancellationToken ct = default);

    /// <summary>Who this journal writes as.</summary>
    JournalOwner Owner { get; }

    /// <summary>Claims <paramref name="subject"/> for this journal's owner: free, expired or provably abandoned claims are
    /// taken (with a new fencing token), one already held is entered again (released as often as claimed); a live claim of
    /// another owner is returned as <see cref="ClaimAttempt.HeldByOther"/>. Throws <see cref="ClaimLostException"/> when
    /// this journal held the claim and another owner has since taken it.</summary>
    ValueTask<ClaimAttempt> ClaimAsync(string subject, CancellationToken ct = default);

    /// <summary>Releases one hold of <paramref name="subject"/>; the last release hands the claim back.</summary>
    ValueTask ReleaseAsync(string subject, CancellationToken ct = default);

    /// <summary>The claim on <paramref name="subject"/>, whoever holds it, or null.</summary>
    ValueTask<JournalClaim?> FindClaimAsync(string subject, CancellationToken ct = default);

    /// <summary>Every claim held now (including expired ones not yet taken over).</summary>
    ValueTask<IReadOnlyList<JournalClaim>> ClaimsAsync(CancellationToken ct = default);

    /// <summary>The history row ids that done entries have claimed on a venue (they are never matched to another entry).</summary>
    ValueTask<IReadOnlySet<string>> ClaimedHistoryIdsAsync(string venue, CancellationToken ct = default);

    /// <summary>The transfer policy's check, or null for none. When set, every write that starts a move calls it inside
    /// its own write transaction, before writing: <see cref="PlanAllAsync"/>/<see cref="PlanAsync"/> for a lone leg or a route's
    /// position 1, <see cref="PlanAndBeginSendingAsync"/>, and <see cref="TransitionAsync"/> from not-executed to sending of such a
    /// leg (a new attempt). The check reads the counting moves in that transaction (each move once: its first leg in
    /// planned, sending, done or unknown, with the route's final target), so checks and writes are serialised and two
    /// racing moves cannot both pass one cap. A throw from it aborts the write.</summary>
    MoveAdmission? Admission { get; set; }

    /// <summary>The moves that count against rolling limits journaled after <paramref name="since"/> (a read, for
    /// previewing a policy decision without writing anything).</summary>
    ValueTask<IReadOnlyList<CountedMove>> CountedSinceAsync(DateTimeOffset since, CancellationToken ct = default);

    /// <summary>Approval requests, newest first: the open ones (waiting or approved, including those whose time ran out
    /// but are not yet marked expired), or with <paramref name="all"/> every one.</summary>
    ValueTask<IReadOnlyList<Approvals.ApprovalRequest>> ApprovalsAsync(bool all = false, int limit = 1000, CancellationToken ct = default);

    /// <summary>The approval request, or null.</summary>
    ValueTask<Approvals.ApprovalRequest?> FindApprovalAsync(string id, CancellationToken ct = default);

    /// <summary>Records <paramref name="approver"/>'s answer to a request and its audit row in one transaction. Refuses with
    /// <see cref="Approvals.ApprovalRefusedException"/> (nothing written) an unknown id, an altered payload, a request no
    /// longer open (approved, denied, used, expired), the requester, an approver the rule does not name, a second answer.</summary>
    ValueTask<Approvals.ApprovalRequest> DecideApprovalAsync(string id, string approver, bool approve, string? reason = null, CancellationToken ct = default);

    /// <summary>The audit log from <paramref name="since"/> on, oldest first.</summary>
    ValueTask<IReadOnlyList<Audit.AuditRecord>> AuditAsync(DateTimeOffset since, int limit = int.MaxValue, CancellationToken ct = default);
}
