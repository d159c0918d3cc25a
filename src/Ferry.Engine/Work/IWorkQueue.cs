namespace Ferry.Engine.Work;

/// <summary>
/// Queued work beside the journal: units (one move or route each) that workers take one at a time under a lease with a
/// fencing token. A unit is held by at most one worker; a worker whose lease ran out, or whose unit another worker took
/// over, is refused every later write (<see cref="WorkLeaseLostException"/>). A unit's journal entries carry its id as
/// their intent, so whoever takes it reconciles what an earlier holder left before anything is sent.
/// Implementations: <see cref="SqliteWorkQueue"/> (the journal's file); a PostgreSQL one follows the same contract.
/// </summary>
public interface IWorkQueue : IDisposable
{
    /// <summary>Queues the orders in one transaction (all or none); returns the units in order.</summary>
    Task<IReadOnlyList<WorkUnit>> EnqueueAsync(IReadOnlyList<WorkOrder> orders, CancellationToken ct);

    /// <summary>Takes the next unit for <paramref name="worker"/>: first a running unit whose lease ran out or whose worker
    /// is provably gone (taken over, with a new token), then the oldest queued one; null when there is none.</summary>
    Task<WorkLease?> TakeAsync(WorkerIdentity worker, CancellationToken ct);

    /// <summary>Extends the lease; throws <see cref="WorkLeaseLostException"/> when it already ran out or the token is stale.</summary>
    Task<WorkLease> RenewAsync(WorkLease lease, CancellationToken ct);

    /// <summary>Finishes the unit with its result; refused (<see cref="WorkLeaseLostException"/>) like <see cref="RenewAsync"/>.</summary>
    Task<WorkUnit> CompleteAsync(WorkLease lease, WorkResult result, CancellationToken ct);

    /// <summary>Gives the unit back to the queue (a graceful stop, or a journal claim held elsewhere): it is queued again,
    /// takeable after <paramref name="delay"/>. Refused like <see cref="RenewAsync"/>.</summary>
    Task<WorkUnit> HandBackAsync(WorkLease lease, string reason, TimeSpan delay, CancellationToken ct);

    /// <summary>One unit; null when there is none with that id.</summary>
    Task<WorkUnit?> FindAsync(string id, CancellationToken ct);

    /// <summary>Units, oldest first, optionally only in <paramref name="states"/>.</summary>
    Task<IReadOnlyList<WorkUnit>> ListAsync(IReadOnlyCollection<WorkUnitState>? states, int limit, CancellationToken ct);

    /// <summary>How many units are in each state (states with none are left out).</summary>
    Task<IReadOnlyDictionary<WorkUnitState, int>> CountsAsync(CancellationToken ct);
}
