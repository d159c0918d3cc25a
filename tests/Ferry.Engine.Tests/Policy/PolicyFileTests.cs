using Ferry.Engine.Accounts;
using Ferry.Engine.Policy;

namespace Ferry.Engine.Tests.Policy;

public sealed class PolicyFileTests
{
    private const string Full = """
        version: 1
        default: allow
        rules:
          - name: agents-simulator-only
            match: { requester: agent, environment: [mainnet, testnet] }
            action: block
          - name: agent-daily-cap
            match:
              requester: agent
              asset: USDT
            limit:
              rolling: { period: 24h, max: 1000.50, per-destination: true }
              moves: { period: 1h, max: 10 }
            action: block
          - name: desk-hours
            match: { to: "*@desk.example.com", venue: binance, account: main }
            limit: { hours: 08:00-18:00, per-move: 250 }
            action: require-approval
        """;

    [Fact]
    public void A_full_file_reads_into_typed_rules_with_exact_amounts()
    {
        var policy = PolicyFile.Parse(Full);
        Assert.Equal(PolicyAction.Allow, policy.Default);
        Assert.Equal(["agents-simulator-only", "agent-daily-cap", "desk-hours"], policy.Rules.Select(r => r.Name));
        var first = policy.Rules[0];
        Assert.Equal(RequesterKind.Agent, Assert.Single(first.Match.Requester).Kind);
        Assert.Equal([AccountEnvironment.Mainnet, AccountEnvironment.Testnet], first.Match.Environment);
        Assert.Equal(4, first.Line);
        var cap = policy.Rules[1].Limits;
        Assert.Equal(new RollingLimit(TimeSpan.FromHours(24), 1000.50m, true), cap.Rolling);
        Assert.Equal(new MoveCountLimit(TimeSpan.FromHours(1), 10), cap.Moves);
        var desk = policy.Rules[2];
        Assert.Equal(new HoursWindow(new TimeOnly(8, 0), new TimeOnly(18, 0)), desk.Limits.Hours);
        Assert.Equal(250m, desk.Limits.PerMove);
        Assert.Equal(PolicyAction.RequireApproval, desk.Action);
        Assert.Equal(TimeSpan.FromHours(24), policy.Lookback);
    }

    [Fact]
    public void Every_rule_explains_itself_in_a_sentence()
    {
        var policy = PolicyFile.Parse(Full);
        Assert.Equal("Rule 'agents-simulator-only' (line 4) blocks moves by agents on mainnet or testnet accounts.", policy.Rules[0].Explain());
        Assert.Equal("Rule 'agent-daily-cap' (line 7) blocks moves of USDT by agents that would be more than 10 moves in 1 h, or would bring 24 h of them past 1,000.5 per asset and destination.",
            policy.Rules[1].Explain());
        Assert.Equal("Rule 'desk-hours' (line 15) requires approval for moves with account main on binance to *@desk.example.com that are made outside 08:00-18:00 UTC, or move more than 250 at once. One approval by someone other than the requester, within 24 h.",
            policy.Rules[2].Explain());
        Assert.Equal("Any other move is allowed (default: allow).", policy.ExplainDefault());
    }

    public static TheoryData<string, string> BadFiles => new()
    {
        {
            "default: block\nrules:\n  - name: cap\n    match: { requester: agent }\n    limit:\n      rolling:\n        max: 1e3\n        period: 24h\n    action: block\n",
            "policy.yaml line 7: 'max' must be a plain positive decimal, not '1e3'."
        },
        { "rules: []\n", "policy.yaml line 1: 'default' is missing; write default: allow, default: block or default: require-approval." },
        { "default: maybe\n", "policy.yaml line 1: 'default' must be allow, block or require-approval, not 'maybe'." },
        { "default: allow\nrulez: []\n", "policy.yaml line 2: the file has no field 'rulez'; it knows version, default, rules." },
        { "default: allow\nrules:\n  - name: a\n    action: block\n  - name: A\n    action: allow\n", "policy.yaml line 5: 'name' A is used by an earlier rule; each rule needs its own name." },
        { "default: allow\nrules:\n  - name: a\n    limit: { per-move: 5 }\n    action: allow\n", "policy.yaml line 4: 'limit' on rule 'a' cannot go with action: allow (limits say when a rule applies, so put them on a block or require-approval rule)." },
        { "default: allow\nrules:\n  - name: a\n    action: block\n    limit: { per-move: -5 }\n", "policy.yaml line 5: 'per-move' must be a plain positive decimal, not '-5'." },
        { "default: allow\nrules:\n  - name: a\n    action: block\n    limit: { per-move: 0 }\n", "policy.yaml line 5: 'per-move' must be a plain positive decimal, not '0'." },
        { "default: allow\nrules:\n  - name: a\n    action: block\n    limit:\n      rolling: { period: 1w, max: 5 }\n", "policy.yaml line 6: 'period' must be a whole number with s, m, h or d up to 366d (e.g. 24h), not '1w'." },
        { "default: allow\nrules:\n  - name: a\n    action: block\n    limit: { hours: 8-18 }\n", "policy.yaml line 5: 'hours' must be a UTC window like 08:00-18:00, not '8-18'." },
        { "default: allow\nrules:\n  - name: a\n    action: block\n    match: { requester: robot }\n", "policy.yaml line 5: 'requester' must be person, agent, token, worker, one of them with a name (agent:claude, token:ci-*) or *, not 'robot'." },
        { "default: allow\nrules:\n  - name: a\n    action: block\n    match: { environment: prod }\n", "policy.yaml line 5: 'environment' must be mainnet, testnet or sim, not 'prod'." },
        { "default: allow\nrules:\n  - name: a\n    action: block\n    limit:\n      moves: { period: 1h, max: 2.5 }\n", "policy.yaml line 6: 'max' of 'moves' must be a whole number of moves, 1 or more, not '2.5'." },
        { "default: allow\nrules:\n  - name: a\n    match: { asset: USDT }\n", "policy.yaml line 3: rule 'a' has no 'action'; write action: allow, block or require-approval." },
        { "default: allow\nrules:\n  - action: block\n", "policy.yaml line 3: the rule has no 'name'." },
        { "default: allow\nrules:\n  - name: a\n    action: block\n    action: allow\n", "policy.yaml line 5: 'action' is given twice." },
        { "default: allow\nrules:\n  - name: a\n    action: block\n    approval: { required: 2 }\n", "policy.yaml line 5: 'approval' on rule 'a' goes only with action: require-approval." },
        { "default: allow\nrules:\n  - name: a\n    action: require-approval\n    approval: { required: 0 }\n", "policy.yaml line 5: 'required' must be a whole number of approvers from 1 to 10, not '0'." },
        { "default: allow\nrules:\n  - name: a\n    action: require-approval\n    approval: { expires: soon }\n", "policy.yaml line 5: 'expires' must be a whole number with s, m, h or d up to 366d (e.g. 24h), not 'soon'." },
        { "default: allow\nrules:\n  - name: a\n    action: require-approval\n    approval: { required: 2, approvers: [bob] }\n", "policy.yaml line 5: 'approvers' names 1 people but 'required' asks for 2 distinct approvers." },
        { "default: allow\nrules:\n  - name: a\n    action: require-approval\n    approval: { quorum: 2 }\n", "policy.yaml line 5: 'approval' has no field 'quorum'; it knows required, expires, approvers." },
        { "default: allow\nrules:\n\t- name: a\n", "policy.yaml line 3: is not valid YAML (While scanning a mapping, found invalid tab as indentation)." },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void A_bad_file_is_one_sentence_naming_the_line_and_field(string yaml, string expected)
    {
        var e = Assert.Throws<PolicyFileException>(() => PolicyFile.Parse(yaml));
        Assert.Equal(expected, e.Message);
    }

    [Fact]
    public void An_approval_block_sets_how_many_people_how_long_and_who()
    {
        var policy = PolicyFile.Parse("default: allow\nrules:\n  - name: two-of-us\n    action: require-approval\n    approval: { required: 2, expires: 90m, approvers: [bob, carol, dave] }\n");
        Assert.Equal((2, TimeSpan.FromMinutes(90)), (policy.Rules[0].Approval.Required, policy.Rules[0].Approval.Expires));
        Assert.Equal(["bob", "carol", "dave"], policy.Rules[0].Approval.Approvers);
        Assert.Equal("Rule 'two-of-us' (line 3) requires approval for every move. 2 approvals by distinct people among bob, carol, dave (never the requester), within 90 min.", policy.Rules[0].Explain());
    }

    [Fact]
    public void No_file_means_no_policy()
    {
        var dir = Directory.CreateTempSubdirectory("ferry-policy-");
        try
        {
            Assert.Null(PolicyFile.Load(new FerryHome(dir.FullName)));
            var path = Path.Combine(dir.FullName, "policy.yaml");
            File.WriteAllText(path, "default: block\n");
            Assert.Equal(PolicyAction.Block, PolicyFile.Load(new FerryHome(dir.FullName))!.Default);

            // A file too large to be a policy is refused unread, as a problem of the machine rather than of its text.
            File.WriteAllText(path, "default: block\n" + new string('#', (int)PolicyFile.MaxFileBytes));
            var e = Assert.Throws<PolicyFileException>(() => PolicyFile.Load(new FerryHome(dir.FullName)));
            Assert.True(e.Unreadable);
            Assert.Equal($"The policy file {path} is larger than 256 KiB.", e.Message);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
