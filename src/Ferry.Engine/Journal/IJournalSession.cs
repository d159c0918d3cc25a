namespace Ferry.Engine.Journal;

/// <summary>One store's rows inside the transaction the caller runs: what <see cref="JournalWrites"/> reads and writes, so
/// every store walks the state machine, claims and fencing with the same code and differs only in its database.</summary>
internal interface IJournalSession : IClaimRows
{
    /// <summary>Writes a new leg row; returns its description as a read would give it back. A second live entry at one
    /// route position is refused (<see cref="RoutePositionTakenException"/>).</summary>
    LegDescription Insert(string id, LegDescription leg, LegState state, DateTimeOffset now);

    /// <summary>The compare-and-set: moves the entry to <paramref name="to"/> only if it is in <paramref name="expected"/>,
    /// returning the new row (on <paramref name="known"/>'s description when given), or null when it was not.</summary>
    JournalEntry? TryTransition(string id, LegState expected, LegState to, TransitionDetails? details, DateTimeOffset now, JournalEntry? known);

    /// <summary>Appends a step (<paramref name="seq"/> null: the one after the entry's last).</summary>
    void AddEvent(string id, int? seq, int attempt, DateTimeOffset at, LegState? from, LegState to, string? detail);

    /// <summary>The entry, or null; <paramref name="forUpdate"/> keeps other writers off it until the transaction ends.</summary>
    JournalEntry? Read(string id, bool forUpdate = false);

    /// <summary>Sets the entry's note.</summary>
    void SetMessage(string id, string message, DateTimeOffset now);

    /// <summary>Keeps every other writer's policy check out until this transaction ends, so the counted moves read next
    /// stay true until this move is written (SQLite's write transaction already holds the file's write lock).</summary>
    void LockAdmission();

    /// <summary>The moves that count against rolling limits journaled after <paramref name="since"/>
    /// (<see cref="JournalSql.CountedMoves"/>).</summary>
    IReadOnlyList<CountedMove> CountedSince(DateTimeOffset since);

    /// <summary>The approval requests, votes and audit log in this transaction.</summary>
    ApprovalRows Approvals { get; }

    /// <summary>The wallet the last leg on file of route <paramref name="routeId"/> ends in, or null.</summary>
    string? RouteTarget(string routeId);
}
