namespace Ferry.Engine.Journal;

/// <summary>A held claim that is released when disposed (asynchronously: the release is a journal write).</summary>
public sealed class ClaimScope : IAsyncDisposable
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
    public static async ValueTask<ClaimScope> TakeAsync(ITransferJournal journal, string subject, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(journal);
        var attempt = await journal.ClaimAsync(subject, ct).ConfigureAwait(false);
        return attempt.Claimed is { } claim ? new ClaimScope(journal, claim) : throw new ClaimHeldException(attempt.HeldByOther!);
    }

    /// <summary>Claims <paramref name="subject"/>; the scope is null when another live owner holds it, whose claim is then
    /// <c>HeldBy</c>.</summary>
    public static async ValueTask<(ClaimScope? Scope, JournalClaim? HeldBy)> TryTakeAsync(ITransferJournal journal, string subject, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(journal);
        var attempt = await journal.ClaimAsync(subject, ct).ConfigureAwait(false);
        return (attempt.Claimed is { } claim ? new ClaimScope(journal, claim) : null, attempt.HeldByOther);
    }

    /// <summary>Releases the claim (once); a journal already closed handed every claim back itself.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_released) return;
        _released = true;
        try
        {
            // Not cancellable: a claim left behind would hold its unit of work until its lease ran out.
            await _journal.ReleaseAsync(Claim.Subject, CancellationToken.None).ConfigureAwait(false);
        }
        catch (ObjectDisposedException)
        {
            // The journal closed first and handed every claim back.
        }
    }
}
