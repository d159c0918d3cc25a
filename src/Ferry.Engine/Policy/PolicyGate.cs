using Ferry.Engine.Accounts;
using Ferry.Engine.Addresses;
using Ferry.Engine.Journal;

namespace Ferry.Engine.Policy;

/// <summary>
/// The transfer policy at the journal's door: turns a leg about to start a move into a <see cref="PolicyMove"/>, reads
/// the counting moves the rules need from the journal (in the journal's own write transaction, see
/// <see cref="ITransferJournal.Admission"/>) and refuses with <see cref="PolicyRefusedException"/> unless the policy
/// allows it. The policy is read on first use, so a command that moves nothing never reads it.
/// </summary>
public sealed class PolicyGate(Func<TransferPolicy?> loadPolicy, IReadOnlyList<AccountDefinition> accounts, TimeProvider time)
{
    private readonly Lazy<TransferPolicy?> _policy = new(loadPolicy ?? throw new ArgumentNullException(nameof(loadPolicy)));

    /// <summary>The policy in force (null: there is no policy file and every move is allowed).</summary>
    public TransferPolicy? Policy => _policy.Value;

    /// <summary>The check to hand the journal (<see cref="ITransferJournal.Admission"/>).</summary>
    public void Admit(LegDescription firstLeg, string target, Func<DateTimeOffset, IReadOnlyList<CountedMove>> countedSince)
    {
        ArgumentNullException.ThrowIfNull(firstLeg);
        ArgumentNullException.ThrowIfNull(countedSince);
        if (Policy is not { } policy) return;
        var now = time.GetUtcNow();
        var past = policy.Lookback > TimeSpan.Zero
            ? countedSince(now - policy.Lookback).Select(c => new PastMove(MoveOf(c.FirstLeg, c.Target), c.JournaledAt)).ToList()
            : [];
        Require(policy.Decide(MoveOf(firstLeg, target), now, past));
    }

    /// <summary>Judges a move without charging rolling limits (for a route being resumed: its first leg already counts in
    /// them); who asks, hours, per-move limits and plain rules still apply.</summary>
    public void AdmitResumed(LegDescription nextLeg, string target, Requester requester)
    {
        ArgumentNullException.ThrowIfNull(nextLeg);
        if (Policy is not { } policy) return;
        Require(policy.Decide(MoveOf(nextLeg with { Requester = requester }, target), time.GetUtcNow(), []));
    }

    /// <summary>The move a leg starts, as the rules see it. A leg journaled before requesters were stored is judged as
    /// an unnamed person's.</summary>
    public PolicyMove MoveOf(LegDescription firstLeg, string target)
    {
        ArgumentNullException.ThrowIfNull(firstLeg);
        var venue = string.Equals(firstLeg.Venue, "htx", StringComparison.OrdinalIgnoreCase) ? Venue.Htx : Venue.Binance;
        var account = accounts.FirstOrDefault(a => a.Venue == venue && string.Equals(a.Name, firstLeg.AccountName, StringComparison.OrdinalIgnoreCase));
        return new PolicyMove(firstLeg.Requester ?? Unnamed, firstLeg.AccountName, firstLeg.Venue.ToLowerInvariant(), account?.Environment,
            firstLeg.From, target, firstLeg.Asset.ToUpperInvariant(), firstLeg.Amount);
    }

    /// <summary>Who a leg journaled before schema 5 is taken to be.</summary>
    public static Requester Unnamed { get; } = Requester.Person("unnamed");

    private static void Require(PolicyDecision decision)
    {
        if (!decision.Allowed) throw new PolicyRefusedException(decision);
    }
}
