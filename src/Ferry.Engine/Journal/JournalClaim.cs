namespace Ferry.Engine.Journal;

/// <summary>
/// A claim on a unit of journal work (a route, an intent, or a lone entry): who holds it, its fencing token (larger for
/// every new holder, so a write from a holder that lost the claim is refused) and until when its lease runs.
/// </summary>
public sealed record JournalClaim(string Subject, long Token, JournalOwner Owner, DateTimeOffset ClaimedAt, DateTimeOffset LeaseUntil);

/// <summary>What asking for a claim gave: the claim (new, taken over from an expired or gone owner, or already ours), or
/// the live claim of another owner.</summary>
public sealed record ClaimAttempt(JournalClaim? Claimed, JournalClaim? HeldByOther)
{
    /// <summary>True when the caller now holds the claim.</summary>
    public bool Succeeded => Claimed is not null;
}

/// <summary>The subjects of claims: which unit of work an entry belongs to.</summary>
public static class ClaimSubjects
{
    /// <summary>A route's legs are one unit; a lone leg with an intent is its intent's; any other entry is its own.</summary>
    public static string Of(JournalEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return Of(entry.Leg, entry.Id);
    }

    /// <summary>The subject of a leg written under <paramref name="entryId"/>.</summary>
    public static string Of(LegDescription leg, string entryId)
    {
        ArgumentNullException.ThrowIfNull(leg);
        return leg.RouteId is { } route ? $"route:{route}" : leg.Intent is { } intent ? $"intent:{intent}" : $"entry:{entryId}";
    }

    /// <summary>The subject of an intent (a caller-chosen key for one intended move).</summary>
    public static string Intent(string key) => $"intent:{key}";

    /// <summary>The subject of a route.</summary>
    public static string Route(string routeId) => $"route:{routeId}";

    /// <summary>What a subject names, for people: "route R…", "intent X", "journal entry J…".</summary>
    public static string Describe(string subject) => subject.Split(':', 2) switch
    {
        ["route", var id] => $"route {id}",
        ["intent", var id] => $"intent {id}",
        ["entry", var id] => $"journal entry {id}",
        _ => subject,
    };
}

/// <summary>Another live ferry holds the claim: nothing was written or sent.</summary>
public sealed class ClaimHeldException(JournalClaim held)
    : InvalidOperationException($"{Capitalize(ClaimSubjects.Describe(held.Subject))} is being worked on by another ferry ({held.Owner.Describe()}); nothing was sent.")
{
    public JournalClaim Held { get; } = held;

    private static string Capitalize(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}

/// <summary>This process held a claim and lost it (its lease ran out and another owner took over): the write is refused
/// so two owners never both act on one unit of work.</summary>
public sealed class ClaimLostException(string subject)
    : InvalidOperationException($"This ferry lost its claim on {ClaimSubjects.Describe(subject)} (its lease ran out and another process took it over); nothing more was written.")
{
    public string Subject { get; } = subject;
}
