namespace Ferry.Engine.Journal;

/// <summary>How claims on journal work behave.</summary>
public sealed record JournalClaimOptions
{
    /// <summary>How long a claim lasts without renewal; the owner renews it every third of this while it holds it. Another
    /// process takes a claim over only once its lease ran out (or its owner is provably gone).</summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Who this journal writes as; null: a new owner for this process.</summary>
    public JournalOwner? Owner { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the bad setting.</summary>
    public void Validate()
    {
        if (Lease < TimeSpan.FromMilliseconds(100)) throw new ArgumentException("A claim's lease is at least 100 ms.", nameof(Lease));
    }
}
