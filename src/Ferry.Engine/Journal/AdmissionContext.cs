using Ferry.Engine.Approvals;
using Ferry.Engine.Audit;

namespace Ferry.Engine.Journal;

/// <summary>
/// What the policy's check (<see cref="MoveAdmission"/>) sees and may write inside the journal's write transaction: the
/// move's first leg and final wallet, the id its first leg will get, the moves counting against rolling limits, and the
/// approval requests. Audit rows and approvals it writes commit with the leg (or roll back with it); what must outlive a
/// refusal (the blocked or waiting decision, a new waiting request) it hands to <see cref="KeepOnRefusal"/>, which the
/// journal writes in a transaction of its own after the refused write rolled back.
/// </summary>
public sealed class AdmissionContext
{
    private readonly ApprovalRows _rows;
    private readonly Func<DateTimeOffset, CancellationToken, ValueTask<List<CountedMove>>> _counted;

    internal AdmissionContext(LegDescription firstLeg, string target, string entryId, bool retry, DateTimeOffset now,
        Func<DateTimeOffset, CancellationToken, ValueTask<List<CountedMove>>> counted, ApprovalRows rows)
    {
        FirstLeg = firstLeg;
        Target = target;
        EntryId = entryId;
        Retry = retry;
        Now = now;
        _counted = counted;
        _rows = rows;
    }

    /// <summary>The move's first leg.</summary>
    public LegDescription FirstLeg { get; }

    /// <summary>The wallet the move ends in.</summary>
    public string Target { get; }

    /// <summary>The journal id the first leg gets (or has, for <see cref="Retry"/>).</summary>
    public string EntryId { get; }

    /// <summary>True for a new attempt of an entry that did not execute (not-executed → sending).</summary>
    public bool Retry { get; }

    /// <summary>The journal's clock when the transaction started.</summary>
    public DateTimeOffset Now { get; }

    /// <summary>The moves that count against rolling limits journaled after <paramref name="since"/>, read in this transaction.</summary>
    public async ValueTask<IReadOnlyList<CountedMove>> CountedSinceAsync(DateTimeOffset since, CancellationToken ct = default) =>
        await _counted(since, ct).ConfigureAwait(false);

    /// <summary>The open (waiting or approved) request for a payload hash, locked until the transaction ends.</summary>
    public ValueTask<ApprovalRequest?> OpenApprovalAsync(string payloadHash, CancellationToken ct = default) => _rows.OpenAsync(payloadHash, ct);

    /// <summary>The request a journal entry used, if any.</summary>
    public ValueTask<ApprovalRequest?> ApprovalForEntryAsync(string entryId, CancellationToken ct = default) => _rows.ForEntryAsync(entryId, ct);

    /// <summary>Uses an approved request for this move's first leg; false when it is no longer approved.</summary>
    public ValueTask<bool> UseApprovalAsync(string approvalId, CancellationToken ct = default) =>
        _rows.SetStateAsync(approvalId, ApprovalState.Approved, ApprovalState.Executed, EntryId, Now, ct);

    /// <summary>Appends an audit row that commits with this write.</summary>
    public ValueTask AuditAsync(AuditRecord record, CancellationToken ct = default) => _rows.InsertAuditAsync(record, ct);

    /// <summary>An audit row, and optionally a new waiting request, to write even though the check is about to refuse.</summary>
    public void KeepOnRefusal(AuditRecord record, ApprovalRequest? waiting = null) => Kept.Add((record, waiting));

    internal List<(AuditRecord Audit, ApprovalRequest? Waiting)> Kept { get; } = [];
}
