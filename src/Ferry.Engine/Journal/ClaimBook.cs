using Microsoft.Extensions.Logging;

namespace Ferry.Engine.Journal;

/// <summary>
/// The claims one open journal holds (subject → token, hold count, lease) and the rules every store applies with them:
/// who may take a claim, when a re-entry renews it, and the writer's half of fencing. The store supplies its claims
/// table (<see cref="IClaimRows"/>) inside its own transaction and serialises calls (it holds its journal's lock). It logs
/// claims refused and taken over, and the shared writes log refused transitions, to its <see cref="Logger"/>.
/// </summary>
internal sealed class ClaimBook(JournalOwner owner, TimeSpan lease, ILogger logger)
{
    private sealed class Held(long token, DateTimeOffset leaseUntil)
    {
        public long Token { get; } = token;
        public int Count { get; set; } = 1;
        public DateTimeOffset LeaseUntil { get; set; } = leaseUntil;
    }

    private readonly Dictionary<string, Held> _held = new(StringComparer.Ordinal);

    /// <summary>Where the journal's store logs.</summary>
    public ILogger Logger => logger;

    /// <summary>How long a claim lasts without renewal.</summary>
    public TimeSpan Lease => lease;

    /// <summary>True when no claim is held.</summary>
    public bool IsEmpty => _held.Count == 0;

    /// <summary>The token this journal holds <paramref name="subject"/> with, or null.</summary>
    public long? TokenOf(string subject) => _held.TryGetValue(subject, out var held) ? held.Token : null;

    /// <summary>A re-entry of a claim whose lease was written less than a tenth of it ago: only the fencing check (a read
    /// of the claim row), nothing written. Null when the claim is not held or its lease should be renewed.</summary>
    public async ValueTask<ClaimAttempt?> TryReenterAsync(string subject, DateTimeOffset now, IClaimRows rows, CancellationToken ct)
    {
        if (!_held.TryGetValue(subject, out var held) || held.LeaseUntil - now <= lease - lease / 10) return null;
        var current = await rows.ReadClaimAsync(subject, ct).ConfigureAwait(false);
        if (current is null || current.Token != held.Token) throw new ClaimLostException(subject);
        held.Count++;
        return new ClaimAttempt(current with { LeaseUntil = held.LeaseUntil }, null);
    }

    /// <summary>Takes or enters <paramref name="subject"/> inside the caller's transaction: a held claim is checked and its
    /// lease renewed; a free, expired or provably abandoned one is taken with a new token; a live one of another owner is
    /// returned. Nothing in memory changes here: the caller calls <see cref="Hold"/> after its transaction commits.</summary>
    public async ValueTask<ClaimAttempt> EnterAsync(string subject, DateTimeOffset now, IClaimRows rows, CancellationToken ct)
    {
        var row = await rows.ReadClaimAsync(subject, ct).ConfigureAwait(false);
        if (_held.TryGetValue(subject, out var held))
        {
            if (row is null || row.Token != held.Token) throw new ClaimLostException(subject);
            var renewed = row with { LeaseUntil = now + lease };
            await rows.RenewAsync(held.Token, renewed.LeaseUntil, ct).ConfigureAwait(false);
            return new ClaimAttempt(renewed, null);
        }
        if (row is not null && row.Owner.InstanceId != owner.InstanceId)
        {
            var expired = row.LeaseUntil <= now;
            if (!expired && !ProcessLiveness.IsProvablyGone(row.Owner))
            {
                JournalLog.ClaimRefused(logger, subject, owner.Describe(), row.Owner.Describe(), row.Token, row.LeaseUntil);
                return new ClaimAttempt(null, row);
            }
            JournalLog.ClaimTakenOver(logger, subject, owner.Describe(), row.Owner.Describe(), row.Token, row.LeaseUntil,
                expired ? "its lease ran out" : "its process is gone");
        }
        if (row is not null) await rows.DeleteAsync(subject, row.Token, ct).ConfigureAwait(false);
        return new ClaimAttempt(await rows.InsertClaimAsync(subject, owner, now, now + lease, ct).ConfigureAwait(false), null);
    }

    /// <summary>The writer's half of fencing: a write under a subject this journal claimed must still find that claim's
    /// token; a write under a subject another owner claimed is refused.</summary>
    public async ValueTask CheckFenceAsync(string subject, IClaimRows rows, CancellationToken ct)
    {
        var row = await rows.ReadClaimAsync(subject, ct).ConfigureAwait(false);
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

    /// <summary>Records that the renewal timer extended every claim this journal holds to <paramref name="until"/> (one
    /// statement for all, <see cref="IClaimRows.RenewAllAsync"/>); a claim another owner took meanwhile stays in the book,
    /// so the next write under it is refused.</summary>
    public void Renewed(DateTimeOffset until)
    {
        foreach (var held in _held.Values) held.LeaseUntil = until;
    }

    /// <summary>Forgets every claim and returns them, for a clean close to hand back (a crash leaves them to their lease).</summary>
    public List<(string Subject, long Token)> TakeAll()
    {
        var all = _held.Select(h => (h.Key, h.Value.Token)).ToList();
        _held.Clear();
        return all;
    }
}
