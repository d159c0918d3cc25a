namespace Ferry.Engine.Journal;

/// <summary>A held claim that is released when disposed.</summary>
public sealed class ClaimScope : IDisposable
{
    private readonly ITransferJournal _journal;
    private bool _released;

    private ClaimScope(ITransferJournal journal, JournalClaim claim)
    {
        _journal = journal;
        Claim = claim;
    }

    /// <summary>The claim held.</summary>
    public JournalClaim Claim { get; }

    /// <summary>Claims <paramref name="subject"/>, or throws <see cref="ClaimHeldException"/> naming the live owner.</summary>
    public static ClaimScope Take(ITransferJournal journal, string subject)
    {
        ArgumentNullException.ThrowIfNull(journal);
        var attempt = journal.Claim(subject);
        return attempt.Claimed is { } claim ? new ClaimScope(journal, claim) : throw new ClaimHeldException(attempt.HeldByOther!);
    }

    /// <summary>Claims <paramref name="subject"/>, or returns null with the live owner's claim in <paramref name="heldBy"/>.</summary>
    public static ClaimScope? TryTake(ITransferJournal journal, string subject, out JournalClaim? heldBy)
    {
        ArgumentNullException.ThrowIfNull(journal);
        var attempt = journal.Claim(subject);
        heldBy = attempt.HeldByOther;
        return attempt.Claimed is { } claim ? new ClaimScope(journal, claim) : null;
    }

    public void Dispose()
    {
        if (_released) return;
        _released = true;
        try
        {
            _journal.Release(Claim.Subject);
        }
        catch (ObjectDisposedException)
        {
            // The journal closed first and handed every claim back.
        }
    }
}
