using Ferry.Engine.Policy;

namespace Ferry.Cli.Output.Json;

/// <summary>One rule of the policy in <c>ferry policy show --json</c> and <c>check --json</c>: what it matches, its
/// limits (amounts as exact decimal strings, periods in seconds) and the sentence that explains it.</summary>
internal sealed record PolicyRuleDocument(string Name, int Line, string Action, PolicyMatchDocument Match, PolicyLimitsDocument? Limit, string Explanation)
{
    public static PolicyRuleDocument Of(PolicyRule rule) => new(rule.Name, rule.Line, PolicyDocument.ActionName(rule.Action),
        new PolicyMatchDocument(
            [.. rule.Match.Requester.Select(r => r.ToString())], [.. rule.Match.Account.Select(a => a.Text)], rule.Match.Venue,
            [.. rule.Match.Environment.Select(PolicyMatch.EnvironmentName)], [.. rule.Match.From.Select(f => f.Text)],
            [.. rule.Match.To.Select(t => t.Text)], [.. rule.Match.Asset.Select(a => a.Text)]),
        rule.Limits.None ? null : new PolicyLimitsDocument(
            rule.Limits.PerMove is { } p ? Ferry.Core.Money.WireDecimal.Format(p) : null,
            rule.Limits.Rolling is { } r ? new PolicyRollingDocument((long)r.Period.TotalSeconds, Ferry.Core.Money.WireDecimal.Format(r.Max), r.PerDestination) : null,
            rule.Limits.Moves is { } m ? new PolicyMovesDocument((long)m.Period.TotalSeconds, m.Max) : null,
            rule.Limits.Hours?.ToString()),
        rule.Explain());
}

/// <summary>A rule's match fields; an empty list matches everything.</summary>
internal sealed record PolicyMatchDocument(IReadOnlyList<string> Requester, IReadOnlyList<string> Account, IReadOnlyList<string> Venue,
    IReadOnlyList<string> Environment, IReadOnlyList<string> From, IReadOnlyList<string> To, IReadOnlyList<string> Asset);

/// <summary>A rule's limits.</summary>
internal sealed record PolicyLimitsDocument(string? PerMove, PolicyRollingDocument? Rolling, PolicyMovesDocument? Moves, string? Hours);

/// <summary>A rolling sum limit.</summary>
internal sealed record PolicyRollingDocument(long PeriodSeconds, string Max, bool PerDestination);

/// <summary>A move-count limit.</summary>
internal sealed record PolicyMovesDocument(long PeriodSeconds, int Max);
