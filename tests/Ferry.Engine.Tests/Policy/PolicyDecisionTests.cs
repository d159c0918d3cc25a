using Ferry.Engine.Accounts;
using Ferry.Engine.Policy;

namespace Ferry.Engine.Tests.Policy;

public sealed class PolicyDecisionTests
{
    private static readonly DateTimeOffset Noon = new(2026, 1, 5, 12, 0, 0, TimeSpan.Zero);

    private static PolicyMove Move(decimal amount = 100m, Requester? who = null, string account = "main", string venue = "binance",
        AccountEnvironment? environment = AccountEnvironment.Mainnet, string from = "spot", string to = "alice@example.com/spot", string asset = "USDT") =>
        new(who ?? Requester.Agent("claude"), account, venue, environment, from, to, asset, amount);

    private static PolicyDecision Decide(string rules, PolicyMove move, DateTimeOffset? now = null, params PastMove[] past) =>
        PolicyFile.Parse("default: allow\nrules:\n" + rules).Decide(move, now ?? Noon, past);

    [Fact]
    public void A_rule_without_limits_blocks_every_move_it_matches_and_names_itself()
    {
        var d = Decide("  - name: no-agents\n    match: { requester: agent }\n    action: block\n", Move());
        Assert.Equal(PolicyAction.Block, d.Action);
        Assert.Equal("no-agents", d.Rule);
        Assert.Equal("Rule 'no-agents' blocks this move; nothing was sent.", d.Message);
        Assert.True(Decide("  - name: no-agents\n    match: { requester: agent }\n    action: block\n", Move(who: Requester.Person("alice"))).Allowed);
    }

    [Fact]
    public void The_first_rule_that_applies_wins()
    {
        const string rules = "  - name: sim-is-fine\n    match: { environment: sim }\n    action: allow\n  - name: no-agents\n    match: { requester: agent }\n    action: block\n";
        Assert.Equal("sim-is-fine", Decide(rules, Move(environment: AccountEnvironment.Sim)).Rule);
        Assert.Equal("no-agents", Decide(rules, Move(environment: AccountEnvironment.Mainnet)).Rule);
        // An account not configured here matches no environment.
        Assert.Equal("no-agents", Decide(rules, Move(environment: null)).Rule);
    }

    [Fact]
    public void The_default_decides_when_no_rule_applies()
    {
        var block = PolicyFile.Parse("default: block\n").Decide(Move(), Noon, []);
        Assert.Equal(PolicyAction.Block, block.Action);
        Assert.Null(block.Rule);
        Assert.Equal("No rule of the policy allows this move and its default blocks it; nothing was sent.", block.Message);
        Assert.True(PolicyFile.Parse("default: allow\n").Decide(Move(), Noon, []).Allowed);
        var approval = PolicyFile.Parse("default: require-approval\n").Decide(Move(), Noon, []);
        Assert.Equal(PolicyAction.RequireApproval, approval.Action);
        Assert.Equal("No rule of the policy allows this move and its default says it needs approval", approval.Message);
        Assert.Equal(ApprovalTerms.Default, approval.Approval);
    }

    [Fact]
    public void Require_approval_names_the_rule_the_reason_and_the_rules_approval_terms()
    {
        var d = Decide("  - name: big\n    limit: { per-move: 1000 }\n    action: require-approval\n    approval: { required: 2, expires: 4h, approvers: [bob, carol] }\n", Move(amount: 1500m));
        Assert.False(d.Allowed);
        Assert.Equal(PolicyAction.RequireApproval, d.Action);
        Assert.Equal("Rule 'big' says this move needs approval: 1,500 USDT in one move is more than its 1,000 per move", d.Message);
        Assert.Equal((2, TimeSpan.FromHours(4)), (d.Approval.Required, d.Approval.Expires));
        Assert.Equal(["bob", "carol"], d.Approval.Approvers);
        Assert.True(Decide("  - name: big\n    limit: { per-move: 1000 }\n    action: require-approval\n", Move(amount: 1000m)).Allowed);
    }

    [Theory]
    [InlineData("requester: agent", true)]
    [InlineData("requester: agent:claude", true)]
    [InlineData("requester: agent:gpt-*", false)]
    [InlineData("requester: person", false)]
    [InlineData("requester: '*'", true)]
    [InlineData("account: ma*", true)]
    [InlineData("account: other", false)]
    [InlineData("venue: htx", false)]
    [InlineData("venue: binance", true)]
    [InlineData("from: spot", true)]
    [InlineData("from: alice@example.com/spot", false)]
    [InlineData("to: '*@example.com'", true)]
    [InlineData("to: '*@desk.example.com'", false)]
    [InlineData("to: alice@example.com/*", true)]
    [InlineData("asset: [BTC, usdt]", true)]
    [InlineData("asset: BTC", false)]
    public void Each_match_field_narrows_the_rule(string field, bool matches)
    {
        var d = Decide($"  - name: r\n    match: {{ {field} }}\n    action: block\n", Move());
        Assert.Equal(matches, !d.Allowed);
    }

    [Fact]
    public void A_worker_is_judged_as_whom_it_acts_for_unless_the_rule_names_workers()
    {
        var worker = Requester.Worker("w1", Requester.Agent("claude"));
        Assert.Equal("no-agents", Decide("  - name: no-agents\n    match: { requester: agent }\n    action: block\n", Move(who: worker)).Rule);
        Assert.Equal("no-workers", Decide("  - name: no-workers\n    match: { requester: worker:w* }\n    action: block\n", Move(who: worker)).Rule);
        Assert.True(Decide("  - name: no-workers\n    match: { requester: worker }\n    action: block\n", Move(who: Requester.Agent("claude"))).Allowed);
    }

    [Fact]
    public void A_rolling_cap_counts_matching_moves_in_its_period_and_says_what_is_left()
    {
        const string rules = "  - name: agent-daily-cap\n    match: { requester: agent, asset: USDT }\n    limit:\n      rolling: { period: 24h, max: 1000 }\n    action: block\n";
        PastMove[] past =
        [
            new(Move(400m), Noon.AddHours(-23)),
            new(Move(350m, who: Requester.Agent("other")), Noon.AddHours(-1)),
            new(Move(900m), Noon.AddHours(-25)),                                   // outside the period
            new(Move(900m, who: Requester.Person("alice")), Noon.AddHours(-1)),    // not an agent
            new(Move(900m, asset: "BTC"), Noon.AddHours(-1)),                       // another asset
        ];
        Assert.True(Decide(rules, Move(250m), Noon, past).Allowed);
        var d = Decide(rules, Move(500m), Noon, past);
        Assert.Equal(PolicyAction.Block, d.Action);
        Assert.Equal("Rule 'agent-daily-cap' blocks this: 24 h of moves of USDT by agents would reach 1,250 of 1,000 (250 left); nothing was sent.", d.Message);
    }

    [Fact]
    public void A_rolling_cap_per_destination_counts_only_moves_to_the_same_wallet()
    {
        const string rules = "  - name: per-wallet\n    limit:\n      rolling: { period: 1h, max: 100, per-destination: true }\n    action: block\n";
        PastMove[] past = [new(Move(80m, to: "bob@example.com/spot"), Noon.AddMinutes(-5)), new(Move(30m), Noon.AddMinutes(-5))];
        Assert.True(Decide(rules, Move(70m), Noon, past).Allowed);
        var d = Decide(rules, Move(71m), Noon, past);
        Assert.Equal("Rule 'per-wallet' blocks this: 1 h of moves of USDT to alice@example.com/spot would reach 101 of 100 (70 left); nothing was sent.", d.Message);
    }

    [Fact]
    public void A_move_count_limit_counts_moves_in_its_period()
    {
        const string rules = "  - name: three-an-hour\n    match: { requester: agent }\n    limit:\n      moves: { period: 1h, max: 3 }\n    action: block\n";
        PastMove[] two = [new(Move(1m), Noon.AddMinutes(-10)), new(Move(1m), Noon.AddMinutes(-20)), new(Move(1m), Noon.AddMinutes(-61))];
        Assert.True(Decide(rules, Move(), Noon, two).Allowed);
        PastMove[] three = [.. two, new(Move(1m), Noon.AddMinutes(-30))];
        Assert.Equal("Rule 'three-an-hour' blocks this: 1 h of moves by agents would count 4 moves of 3 (0 left); nothing was sent.",
            Decide(rules, Move(), Noon, three).Message);
    }

    [Theory]
    [InlineData("08:00-18:00", 12, 0, true)]
    [InlineData("08:00-18:00", 18, 0, false)]
    [InlineData("08:00-18:00", 7, 59, false)]
    [InlineData("22:00-06:00", 23, 30, true)]
    [InlineData("22:00-06:00", 5, 59, true)]
    [InlineData("22:00-06:00", 12, 0, false)]
    public void A_time_of_day_window_is_read_in_utc(string window, int hour, int minute, bool allowed)
    {
        var at = new DateTimeOffset(2026, 1, 5, hour, minute, 0, TimeSpan.Zero).ToOffset(TimeSpan.FromHours(5));
        var d = Decide($"  - name: office\n    limit: {{ hours: {window} }}\n    action: block\n", Move(), at);
        Assert.Equal(allowed, d.Allowed);
        if (!allowed) Assert.Equal($"Rule 'office' blocks this: moves are allowed only {window} UTC and it is {hour:00}:{minute:00} UTC; nothing was sent.", d.Message);
    }

    [Fact]
    public void Requesters_are_stored_and_read_back_exactly()
    {
        foreach (var r in new[] { Requester.Person("alice"), Requester.Agent("claude"), Requester.Token("ci-bot"), Requester.Worker("w1", Requester.Token("ci-bot")) })
        {
            Assert.True(Requester.TryParse(r.ToString(), out var back));
            Assert.Equal(r, back);
        }
        Assert.Equal("worker:w1 for token:ci-bot", Requester.Worker("w1", Requester.Token("ci-bot")).ToString());
        Assert.False(Requester.TryParse("worker:w1", out _));
        Assert.False(Requester.TryParse("robot:x", out _));
        Assert.Throws<ArgumentException>(() => Requester.Person("two words"));
    }
}
