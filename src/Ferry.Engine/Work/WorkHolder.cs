namespace Ferry.Engine.Work;

/// <summary>Who holds a running unit, under which fencing token, until when.</summary>
/// <param name="Worker">The worker.</param>
/// <param name="Token">The fencing token of this hold: every take gives a new, larger one; every write of the holder presents it.</param>
/// <param name="LeaseUntil">When the lease runs out unless renewed.</param>
public sealed record WorkHolder(WorkerIdentity Worker, long Token, DateTimeOffset LeaseUntil);
