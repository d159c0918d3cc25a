namespace Ferry.Engine.Journal;

/// <summary>One store's rows inside the transaction the caller runs: what <see cref="JournalWrites"/> reads and writes, so
/// every store walks the state machine, claims and fencing with the same code and differs only in its database. SQLite's
/// session completes every call synchronously; PostgreSQL's awaits the server.</summary>
internal interface IJournalSession : IClaimRows
{
    /// <summary>Writes a new leg row; returns its description as a read would give it back. A second live entry at one
    /// route position is refused (<see cref="RoutePositionTakenException"/>).</summary>
    ValueTask<LegDescription> InsertAsync(string id, LegDescription leg, LegState state, DateTimeOffset now, CancellationToken ct);

    /// <summary>The compare-and-set: moves the entry to <paramref name="to"/> only if it is in <paramref name="expected"/>,
    /// returning the new row (on <paramref name="known"/>'s description when given), or null when it was not.</summary>
    ValueTask<JournalEntry?> TryTransitionAsync(string id, LegState expected, LegState to, TransitionDetails? details, DateTimeOffset now, JournalEntry? known, CancellationToken ct);

    /// <summary>Appends a step (<paramref name="seq"/> null: the one after the entry's last).</summary>
    ValueTask AddEventAsync(string id, int? seq, int attempt, DateTimeOffset at, LegState? from, LegState to, string? detail, CancellationToken ct);

    /// <summary>The entry, or null; <paramref name="forUpdate"/> keeps other writers off it until the transaction ends.</summary>
    ValueTask<JournalEntry?> ReadAsync(string id, bool forUpdate, CancellationToken ct);

    /// <summary>Sets the entry's note.</summary>
    ValueTask SetMessageAsync(string id, string message, DateTimeOffset now, CancellationToken ct);

    /// <summary>Keeps every other writer's policy check out until this transaction ends, so the counted moves read next
    /// stay true until this move is written (SQLite's write transaction already holds the file's write lock).</summary>
    ValueTask LockAdmissionAsync(CancellationToken ct);

    /// <summary>The moves that count against rolling limits journaled after <paramref name="since"/>
    /// (<see cref="JournalSql.CountedMoves"/>).</summary>
    ValueTask<List<CountedMove>> CountedSinceAsync(DateTimeOffset since, CancellationToken ct);

    /// <summary>The approval requests, votes and audit log in this transaction.</summary>
    ApprovalRows Approvals { get; }

    /// <summary>The wallet the last leg on file of route <paramref name="routeId"/> ends in, or null.</summary>
    ValueTask<string?> RouteTargetAsync(string routeId, CancellationToken ct);
}
