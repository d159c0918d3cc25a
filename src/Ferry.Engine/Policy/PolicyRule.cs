using System.Globalization;

namespace Ferry.Engine.Policy;

/// <summary>One rule of the policy: which moves it is about, the limits whose breach makes it apply (none: it always
/// applies to them), and what it then decides.</summary>
/// <param name="Name">A unique name, quoted in every decision the rule makes.</param>
/// <param name="Match">Which moves.</param>
/// <param name="Limits">When it applies to them.</param>
/// <param name="Action">What it decides.</param>
/// <param name="Line">The line of the file where the rule starts.</param>
public sealed record PolicyRule(string Name, PolicyMatch Match, PolicyLimits Limits, PolicyAction Action, int Line)
{
    /// <summary>For a require-approval rule: how many approvers, how long, and who may approve.</summary>
    public ApprovalTerms Approval { get; init; } = ApprovalTerms.Default;

    /// <summary>Why this rule applies to <paramref name="move"/> (null when it does not): the limit the move would break,
    /// in words, with the budget left for caps. <paramref name="past"/> holds the journal's counting moves.</summary>
    public string? Applies(PolicyMove move, DateTimeOffset now, IReadOnlyList<PastMove> past)
    {
        ArgumentNullException.ThrowIfNull(move);
        ArgumentNullException.ThrowIfNull(past);
        if (!Match.Matches(move)) return null;
        if (Limits.None) return "";
        if (Limits.Hours is { } hours && !hours.Contains(now))
            return $"moves are allowed only {hours} UTC and it is {now.UtcDateTime:HH:mm} UTC";
        if (Limits.PerMove is { } perMove && move.Amount > perMove)
            return $"{Amount(move.Amount)} {move.Asset} in one move is more than its {Amount(perMove)} per move";
        if (Limits.Moves is { } count)
        {
            var since = now - count.Period;
            var done = past.Count(p => p.At > since && Match.Matches(p.Move));
            if (done + 1 > count.Max)
                return $"{Period(count.Period)} of {Match.Describe()} would count {done + 1} moves of {count.Max} ({Math.Max(0, count.Max - done)} left)";
        }
        if (Limits.Rolling is { } rolling)
        {
            var since = now - rolling.Period;
            var sum = past.Where(p => p.At > since && Match.Matches(p.Move)
                    && string.Equals(p.Move.Asset, move.Asset, StringComparison.OrdinalIgnoreCase)
                    && (!rolling.PerDestination || string.Equals(p.Move.To, move.To, StringComparison.OrdinalIgnoreCase)))
                .Sum(p => p.Move.Amount);
            if (sum + move.Amount > rolling.Max)
            {
                var scope = Match.Describe(move.Asset);
                if (rolling.PerDestination) scope += $" to {move.To}";
                return $"{Period(rolling.Period)} of {scope} would reach {Amount(sum + move.Amount)} of {Amount(rolling.Max)} ({Amount(Math.Max(0, rolling.Max - sum))} left)";
            }
        }
        return null;
    }

    /// <summary>The rolling limits of this rule as used before <paramref name="move"/> (none when the rule does not match it).</summary>
    public IEnumerable<PolicyBudget> Budgets(PolicyMove move, DateTimeOffset now, IReadOnlyList<PastMove> past)
    {
        ArgumentNullException.ThrowIfNull(move);
        ArgumentNullException.ThrowIfNull(past);
        if (!Match.Matches(move)) yield break;
        if (Limits.Moves is { } count)
        {
            var done = past.Count(p => p.At > now - count.Period && Match.Matches(p.Move));
            yield return new PolicyBudget(Name, $"{Period(count.Period)} of {Match.Describe()}", count.Max, done, "moves");
        }
        if (Limits.Rolling is { } rolling)
        {
            var sum = past.Where(p => p.At > now - rolling.Period && Match.Matches(p.Move)
                    && string.Equals(p.Move.Asset, move.Asset, StringComparison.OrdinalIgnoreCase)
                    && (!rolling.PerDestination || string.Equals(p.Move.To, move.To, StringComparison.OrdinalIgnoreCase)))
                .Sum(p => p.Move.Amount);
            var scope = Match.Describe(move.Asset) + (rolling.PerDestination ? $" to {move.To}" : "");
            yield return new PolicyBudget(Name, $"{Period(rolling.Period)} of {scope}", rolling.Max, sum, move.Asset);
        }
    }

    /// <summary>The rule in one sentence, for <c>ferry policy check</c>.</summary>
    public string Explain()
    {
        var what = Match.Describe();
        var verb = Action switch
        {
            PolicyAction.Allow => "allows",
            PolicyAction.Block => "blocks",
            _ => "requires approval for",
        };
        var terms = Action == PolicyAction.RequireApproval ? " " + Approval.Explain() : "";
        if (Limits.None) return $"Rule '{Name}' (line {Line}) {verb} {what}.{terms}";
        var limits = new List<string>();
        if (Limits.Hours is { } h) limits.Add($"are made outside {h} UTC");
        if (Limits.PerMove is { } p) limits.Add($"move more than {Amount(p)} at once");
        if (Limits.Moves is { } m) limits.Add($"would be more than {m.Max} moves in {Period(m.Period)}");
        if (Limits.Rolling is { } r)
            limits.Add($"would bring {Period(r.Period)} of them past {Amount(r.Max)} per asset{(r.PerDestination ? " and destination" : "")}");
        return $"Rule '{Name}' (line {Line}) {verb} {what} that {string.Join(", or ", limits)}.{terms}";
    }

    /// <summary>An amount with thousands separators and every decimal it has: 1,250 or 0.5.</summary>
    public static string Amount(decimal value) => value.ToString("#,0.############################", CultureInfo.InvariantCulture);

    /// <summary>A period in words: 24 h, 30 min, 7 d, 45 s.</summary>
    public static string Period(TimeSpan period) =>
        period.TotalDays >= 1 && period.Ticks % TimeSpan.TicksPerDay == 0 && period.TotalHours > 24 ? $"{(long)period.TotalDays} d"
        : period.Ticks % TimeSpan.TicksPerHour == 0 ? $"{(long)period.TotalHours} h"
        : period.Ticks % TimeSpan.TicksPerMinute == 0 ? $"{(long)period.TotalMinutes} min"
        : $"{(long)period.TotalSeconds} s";
}
