namespace Ferry.Engine.Work;

/// <summary>A worker's hold on one unit: the unit as taken, the fencing token every later write presents, and the lease.</summary>
/// <param name="Unit">The unit as it was when taken (state running).</param>
/// <param name="Worker">The holder.</param>
/// <param name="Token">The fencing token of this hold.</param>
/// <param name="LeaseUntil">When the lease runs out unless renewed.</param>
/// <param name="TakenOver">True when the unit was taken from a worker whose lease ran out or whose process is gone: its
/// journal entries may hold a leg left sending or unknown.</param>
public sealed record WorkLease(WorkUnit Unit, WorkerIdentity Worker, long Token, DateTimeOffset LeaseUntil, bool TakenOver);
