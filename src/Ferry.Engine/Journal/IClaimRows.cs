namespace Ferry.Engine.Journal;

/// <summary>The claims table of one store, inside the transaction the caller runs: what <see cref="ClaimBook"/> reads and
/// writes, so both stores decide claims and fencing with the same code.</summary>
internal interface IClaimRows
{
    /// <summary>The claim row of <paramref name="subject"/>, or null.</summary>
    JournalClaim? Read(string subject);

    /// <summary>Sets the lease of the claim with <paramref name="token"/>.</summary>
    void Renew(long token, DateTimeOffset until);

    /// <summary>Deletes the claim row of <paramref name="subject"/> if it still carries <paramref name="token"/>.</summary>
    void Delete(string subject, long token);

    /// <summary>Sets the lease of every claim of <paramref name="owner"/>.</summary>
    void RenewAll(JournalOwner owner, DateTimeOffset until);

    /// <summary>Writes a new claim row for the owner with a new, larger token.</summary>
    JournalClaim Insert(string subject, JournalOwner owner, DateTimeOffset now, DateTimeOffset leaseUntil);
}
