namespace Ferry.Engine.Journal;

/// <summary>
/// Decides, inside the journal's write transaction, whether a new move may be journaled: called with the move's first
/// leg and the wallet it ends in (<see cref="AdmissionContext"/>), after the write lock is taken and before anything is
/// written; it refuses by throwing (the transaction then rolls back and writes nothing but what the check handed to
/// <see cref="AdmissionContext.KeepOnRefusal"/>). The context reads, in the same transaction, the moves that count against
/// rolling limits, so two writers racing cannot both pass one cap, and the approval requests, so one approval is used once.
/// </summary>
public delegate ValueTask MoveAdmission(AdmissionContext context, CancellationToken ct);
