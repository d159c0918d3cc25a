namespace Ferry.Engine.Policy;

/// <summary>
/// The transfer policy of one FERRY_HOME (<c>policy.yaml</c>): rules tried in order, the first that applies to a move
/// decides; when none applies, the default does. Rolling limits are judged on the moves the journal holds, so they hold
/// across restarts and processes.
/// </summary>
/// <param name="Default">What a move no rule applies to gets.</param>
/// <param name="Rules">The rules, in file order.</param>
public sealed record TransferPolicy(PolicyAction Default, IReadOnlyList<PolicyRule> Rules)
{
    /// <summary>The file's name under FERRY_HOME.</summary>
    public const string FileName = "policy.yaml";

    /// <summary>How far back rolling limits look: the longest period of any rule (zero when no rule counts).</summary>
    public TimeSpan Lookback => Rules.Select(r => Max(r.Limits.Rolling?.Period, r.Limits.Moves?.Period)).DefaultIfEmpty(TimeSpan.Zero).Max();

    /// <summary>Decides <paramref name="move"/> at <paramref name="now"/>, given the journal's counting moves since
    /// <c>now - Lookback</c>.</summary>
    public PolicyDecision Decide(PolicyMove move, DateTimeOffset now, IReadOnlyList<PastMove> past)
    {
        ArgumentNullException.ThrowIfNull(move);
        foreach (var rule in Rules)
        {
            if (rule.Applies(move, now, past) is not { } why) continue;
            var reason = why.Length == 0 ? "" : $": {why}";
            return rule.Action switch
            {
                PolicyAction.Allow => new PolicyDecision(PolicyAction.Allow, rule.Name, $"Rule '{rule.Name}' allows this move."),
                PolicyAction.Block => new PolicyDecision(PolicyAction.Block, rule.Name,
                    why.Length == 0 ? $"Rule '{rule.Name}' blocks this move; nothing was sent." : $"Rule '{rule.Name}' blocks this{reason}; nothing was sent."),
                _ => new PolicyDecision(PolicyAction.RequireApproval, rule.Name, $"Rule '{rule.Name}' says this move needs approval{reason}")
                {
                    Approval = rule.Approval,
                },
            };
        }
        return Default switch
        {
            PolicyAction.Allow => new PolicyDecision(PolicyAction.Allow, null, "No rule applies and the policy's default allows this move."),
            PolicyAction.Block => new PolicyDecision(PolicyAction.Block, null, "No rule of the policy allows this move and its default blocks it; nothing was sent."),
            _ => new PolicyDecision(PolicyAction.RequireApproval, null, "No rule of the policy allows this move and its default says it needs approval"),
        };
    }

    /// <summary>The default in one sentence.</summary>
    public string ExplainDefault() => Default switch
    {
        PolicyAction.Allow => "Any other move is allowed (default: allow).",
        PolicyAction.Block => "Any other move is blocked (default: block).",
        _ => "Any other move needs approval by someone other than its requester, within 24 h (default: require-approval).",
    };

    private static TimeSpan Max(TimeSpan? a, TimeSpan? b) => TimeSpan.FromTicks(Math.Max(a?.Ticks ?? 0, b?.Ticks ?? 0));
}
