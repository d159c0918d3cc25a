namespace Ferry.Simulator.Persistence;

/// <summary>A write waiting for <see cref="SqliteStateGate"/>'s group commit: queued, then taken by a batch (or
/// withdrawn, when its caller gave up first); it runs inside the batch's transaction and is answered after the commit.</summary>
internal abstract class QueuedWrite
{
    public const int Queued = 0;
    public const int Taken = 1;
    public const int Withdrawn = 2;

    /// <summary>Queued, Taken or Withdrawn; changed only under the gate's queue lock.</summary>
    public int State { get; set; }

    /// <summary>Runs the write; false when it threw (the exception is kept for its caller).</summary>
    public abstract bool Run();

    /// <summary>Makes the caller's answer <paramref name="error"/> unless the write itself already failed.</summary>
    public abstract void FailUnlessFailed(Exception error);

    /// <summary>Hands the caller its result or exception (after the commit, or after the batch failed).</summary>
    public abstract void Answer();
}
