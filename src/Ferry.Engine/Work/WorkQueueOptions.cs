namespace Ferry.Engine.Work;

/// <summary>How the queue's holds behave.</summary>
public sealed record WorkQueueOptions
{
    /// <summary>How long a hold lasts without renewal; a worker renews every third of it. Another worker takes a unit over
    /// once its lease ran out, or at once when its worker's process is provably gone (same machine).</summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Throws <see cref="ArgumentException"/> naming the bad setting.</summary>
    public void Validate()
    {
        if (Lease < TimeSpan.FromMilliseconds(100)) throw new ArgumentException("A work unit's lease is at least 100 ms.", nameof(Lease));
    }
}
