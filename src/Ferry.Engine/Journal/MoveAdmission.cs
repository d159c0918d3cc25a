namespace Ferry.Engine.Journal;

/// <summary>
/// Decides, inside the journal's write transaction, whether a new move may be journaled: called with the move's first
/// leg and the wallet it ends in, after the write lock is taken and before anything is written; it refuses by throwing
/// (the transaction then rolls back and writes nothing). <paramref name="countedSince"/> reads, in the same transaction,
/// the moves that count against rolling limits journaled after a time, so two writers racing cannot both pass one cap.
/// </summary>
public delegate void MoveAdmission(LegDescription firstLeg, string target, Func<DateTimeOffset, IReadOnlyList<CountedMove>> countedSince);
