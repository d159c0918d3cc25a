namespace Ferry.Engine.Journal;

/// <summary>The claims table of one store, inside the transaction the caller runs: what <see cref="ClaimBook"/> reads and
/// writes, so both stores decide claims and fencing with the same code.</summary>
internal interface IClaimRows
{
    /// <summary>The claim row of <paramref name="subject"/>, or null.</summary>
    ValueTask<JournalClaim?> ReadClaimAsync(string subject, CancellationToken ct);

    /// <summary>Sets the lease of the claim with <paramref name="token"/>.</summary>
    ValueTask RenewAsync(long token, DateTimeOffset until, CancellationToken ct);

    /// <summary>Deletes the claim row of <paramref name="subject"/> if it still carries <paramref name="token"/>.</summary>
    ValueTask DeleteAsync(string subject, long token, CancellationToken ct);

    /// <summary>Sets the lease of every claim of <paramref name="owner"/>.</summary>
    ValueTask RenewAllAsync(JournalOwner owner, DateTimeOffset until, CancellationToken ct);

    /// <summary>Writes a new claim row for the owner with a new, larger token.</summary>
    ValueTask<JournalClaim> InsertClaimAsync(string subject, JournalOwner owner, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken ct);
}
