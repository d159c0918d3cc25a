namespace Ferry.Engine.Journal;

/// <summary>
/// The claims one open journal holds (subject → token, hold count, lease) and the rules every store applies with them:
/// who may take a claim, when a re-entry renews it, and the writer's half of fencing. The store supplies its claims
/// table (<see cref="IClaimRows"/>) inside its own transaction and serialises calls (it holds its journal's lock).
/// </summary>
internal sealed class ClaimBook(JournalOwner owner, TimeSpan lease)
{
    private sealed class Held(long token, DateTimeOffset leaseUntil)
    {
        public long Token { get; } = token;
        public int Count { get; set; } = 1;
        public DateTimeOffset LeaseUntil { get; set; } = leaseUntil;
    }

    private readonly Dictionary<string, Held> _held = new(StringComparer.Ordinal);

    /// <summary>How long a claim lasts without renewal.</summary>
    public TimeSpan Lease => lease;

    /// <summary>True when no claim is held.</summary>
    public bool IsEmpty => _held.Count == 0;

    /// <summary>The token this journal holds <paramref name="subject"/> with, or null.</summary>
    public long? TokenOf(string subject) => _held.TryGetValue(subject, out var held) ? held.Token : null;

    /// <summary>A re-entry of a claim whose lease was written less than a tenth of it ago: only the fencing check (a read
    /// of <paramref name="row"/>), nothing written. Null when the claim is not held or its lease should be renewed.</summary>
    public ClaimAttempt? TryReenter(string subject, DateTimeOffset now, Func<JournalClaim?> row)
    {
        if (!_held.TryGetValue(subject, out var held) || held.LeaseUntil - now <= lease - lease / 10) return null;
        var current = row();
        if (current is null || current.Token != held.Token) throw new ClaimLostException(subject);
        held.Count++;
        return new ClaimAttempt(current with { LeaseUntil = held.LeaseUntil }, null);
    }

    /// <summary>Takes or enters <paramref name="subject"/> inside the caller's transaction: a held claim is checked and its
    /// lease renewed; a free, expired or provably abandoned one is taken with a new token; a live one of another owner is
    /// returned. Nothing in memory changes here: the caller calls <see cref="Hold"/> after its transaction commits.</summary>
    public ClaimAttempt Enter(string subject, DateTimeOffset now, IClaimRows rows)
    {
        var row = rows.Read(subject);
        if (_held.TryGetValue(subject, out var held))
        {
            if (row is null || row.Token != held.Token) throw new ClaimLostException(subject);
            var renewed = row with { LeaseUntil = now + lease };
            rows.Renew(held.Token, renewed.LeaseUntil);
            return new ClaimAttempt(renewed, null);
        }
        if (row is not null && row.Owner.InstanceId != owner.InstanceId && row.LeaseUntil > now && !ProcessLiveness.IsProvablyGone(row.Owner))
            return new ClaimAttempt(null, row);
        if (row is not null) rows.Delete(subject, row.Token);
        return new ClaimAttempt(rows.Insert(subject, owner, now, now + lease), null);
    }

    /// <summary>The writer's half of fencing: a write under a subject this journal claimed must still find that claim's
    /// token; a write under a subject another owner claimed is refused.</summary>
    public void CheckFence(string subject, IClaimRows rows)
    {
        var row = rows.Read(subject);
        if (_held.TryGetValue(subject, out var held))
        {
            if (row is null || row.Token != held.Token) throw new ClaimLostException(subject);
            return;
        }
        if (row is not null && row.Owner.InstanceId != owner.InstanceId) throw new ClaimHeldException(row);
    }

    /// <summary>Records one more hold of a claim whose write has committed.</summary>
    public void Hold(string subject, JournalClaim claim)
    {
        if (_held.TryGetValue(subject, out var held))
        {
            held.Count++;
            held.LeaseUntil = claim.LeaseUntil;
        }
        else
        {
            _held[subject] = new Held(claim.Token, claim.LeaseUntil);
        }
    }

    /// <summary>True when the next release of <paramref name="subject"/> is its last (the store then deletes the row in the
    /// same transaction); throws <see cref="ClaimLostException"/> when it is not held at all.</summary>
    public bool IsLastHold(string subject, out long token)
    {
        if (!_held.TryGetValue(subject, out var held)) throw new ClaimLostException(subject);
        token = held.Token;
        return held.Count == 1;
    }

    /// <summary>Drops one hold; returns the token when that was the last one (the caller deletes its row), else null.</summary>
    public long? Unhold(string subject)
    {
        if (!_held.TryGetValue(subject, out var held) || --held.Count > 0) return null;
        _held.Remove(subject);
        return held.Token;
    }

    /// <summary>Extends the lease of every claim this journal holds (the renewal timer); a claim another owner took
    /// meanwhile stays in the book, so the next write under it is refused.</summary>
    public void RenewAll(IClaimRows rows, DateTimeOffset now)
    {
        if (_held.Count == 0) return;
        var until = now + lease;
        rows.RenewAll(owner, until);
        foreach (var held in _held.Values) held.LeaseUntil = until;
    }

    /// <summary>Hands every claim back (a clean close; a crash leaves them to their lease) and forgets them.</summary>
    public void ReleaseAll(IClaimRows rows)
    {
        try
        {
            foreach (var (subject, held) in _held) rows.Delete(subject, held.Token);
        }
        finally
        {
            _held.Clear();
        }
    }
}
