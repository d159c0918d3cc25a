using Ferry.Engine.History;
using Ferry.Core.Outcomes;

namespace Ferry.Engine.Journal;

/// <summary>What an exchange's own record says about one leg's attempt.</summary>
public abstract record LegEvidence;

/// <summary>Looked up by the caller-chosen id (clientTranId): the exchange's transfer id, or null when none is listed.</summary>
public sealed record FoundByClientId(string? TransferId) : LegEvidence;

/// <summary>The history rows that match the leg's type, asset, amount and accounts inside the time window (claimed rows
/// not yet excluded).</summary>
public sealed record HistoryCandidates(IReadOnlyList<TransferHistoryEntry> Rows) : LegEvidence;

/// <summary>No readable record can say (e.g. no history endpoint lists this kind with the keys configured).</summary>
public sealed record CannotTell(string Reason) : LegEvidence;

/// <summary>
/// How one leg kind is reconciled: read the exchange's record of the entry's attempt between <c>from</c> and <c>to</c>.
/// Each venue supplies one (Ferry.Engine.Execution holds the Binance and HTX ones).
/// </summary>
public interface ILegReconciler
{
    /// <summary>How long after a request leaves the exchange may still accept and execute it (Binance: the recvWindow the
    /// request was signed with; HTX: how far its Timestamp may lag the server's clock). Until this has passed since the
    /// attempt left 'sending', "not found" proves nothing.</summary>
    TimeSpan RequestValidity { get; }

    Task<Outcome<LegEvidence>> FindAsync(JournalEntry entry, DateTimeOffset from, DateTimeOffset to, CancellationToken ct);
}

/// <summary>Settings of reconciliation.</summary>
public sealed record ReconcileOptions
{
    /// <summary>How far either side of the send time a history row may lie (clock skew plus booking delay; assumed).</summary>
    public TimeSpan MatchWindow { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How long after the latest moment the exchange could still accept the request (the venue's
    /// <see cref="ILegReconciler.RequestValidity"/> after the attempt left 'sending') a missing row may still appear
    /// (history lag): until then "not found" is re-queried, never concluded.</summary>
    public TimeSpan HistoryLagWindow { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The pause between two reads while waiting out the lag window.</summary>
    public TimeSpan RequeryInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How many successive reads after the lag window must all miss the transfer before Ferry concludes
    /// not-executed: a paged history read can skip a row when rows appear or vanish between pages (lag, clock steps).</summary>
    public int ConfirmReads { get; init; } = 2;

    /// <summary>When false, an entry still inside its lag window is left unknown instead of waited for.</summary>
    public bool WaitForLag { get; init; } = true;

    /// <summary>How to wait between two reads; null waits on the reconciler's clock. A test or the soak runner can
    /// advance a simulated clock here instead of sleeping.</summary>
    public Func<TimeSpan, CancellationToken, Task>? Delay { get; init; }

    /// <summary>Told before every pause while an entry's history lag is waited out, so a front end can say what it waits
    /// for and how long instead of going silent.</summary>
    public Action<ReconcileWait>? Waiting { get; init; }
}

/// <summary>Reconciliation is waiting: <paramref name="EntryId"/>'s transfer is not (yet) in the exchange's history, and
/// "not executed" may be concluded only at <paramref name="Until"/>.</summary>
public sealed record ReconcileWait(string EntryId, string Reason, DateTimeOffset Now, DateTimeOffset Until)
{
    /// <summary>How long is left.</summary>
    public TimeSpan Remaining => Until > Now ? Until - Now : TimeSpan.Zero;
}

/// <summary>What reconciling one entry concluded.</summary>
public sealed record ReconcileResult(JournalEntry Entry, string Reason)
{
    public LegState State => Entry.State;

    /// <summary>The live claim of another ferry that is working on the entry, when it was left to it untouched.</summary>
    public JournalClaim? HeldBy { get; init; }
}
