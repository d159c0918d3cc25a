namespace Ferry.Engine.Policy;

/// <summary>What a require-approval rule asks of an approval: how many distinct people must approve, how long the
/// request stays open, and (optionally) who may approve at all.</summary>
/// <param name="Required">Distinct approvers needed, none of them the requester (1 or more).</param>
/// <param name="Expires">How long after the request an approval may still be given and used.</param>
/// <param name="Approvers">Login names allowed to approve; empty means anyone but the requester.</param>
public sealed record ApprovalTerms(int Required, TimeSpan Expires, IReadOnlyList<string> Approvers)
{
    /// <summary>One approver, 24 hours, anyone but the requester: what a rule without an <c>approval</c> block (and a
    /// default of require-approval) asks.</summary>
    public static ApprovalTerms Default { get; } = new(1, TimeSpan.FromHours(24), []);

    /// <summary>The terms in one sentence, for <c>ferry policy check</c>.</summary>
    public string Explain()
    {
        var count = Required == 1 ? "One approval by someone" : $"{Required} approvals by distinct people";
        var who = Approvers.Count == 0 ? "other than the requester" : $"among {string.Join(", ", Approvers)} (never the requester)";
        return $"{count} {who}, within {PolicyRule.Period(Expires)}.";
    }
}
