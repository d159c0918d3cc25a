using Ferry.Engine.Addresses;
using Ferry.Engine.Moves;
using Ferry.Engine.Routing;
using Ferry.Engine.Transfers;

namespace Ferry.Engine.Tests.Moves;

public sealed class SweepPlannerTests
{
    private static readonly RoutingAccount Master = new("main", "master@example.com", null, ["alice@example.com", "bob@example.com", "carol@example.com"]);

    private static MovePlan Plan(SweepRequest request, params (string, decimal)[] balances) =>
        SweepPlanner.Plan(request, balances, Master, [Master], () => "ferrytest");

    [Fact]
    public void One_universal_transfer_per_source_with_the_free_amount_minus_keep()
    {
        var plan = Plan(new SweepRequest("usdt", WalletAddress.Parse("spot"), Keep: 1m),
            ("alice@example.com", 500m), ("bob@example.com", 20.123456789m));
        Assert.Equal(["m1", "m2"], plan.Moves.Select(m => m.MoveId));
        Assert.Equal([499m, 19.12345678m], plan.Moves.Select(m => m.Request.Amount)); // cut to 8 decimals, never rounded up
        var leg = Assert.IsType<SubAccountUniversalTransferLeg>(Assert.Single(plan.Moves[0].Route.Legs));
        Assert.Equal("alice@example.com", leg.Request.FromEmail);
        Assert.Null(leg.Request.ToEmail);
        Assert.Equal("USDT", leg.Asset);
        Assert.Equal(360, plan.Moves[0].UidWeight);
    }

    [Fact]
    public void A_master_with_thousands_of_sub_accounts_gets_one_move_per_source_each_from_its_own_wallet()
    {
        // The scale a desk's sweep reaches; how the planner's cost grows with it is measured by the sweep-plan bench.
        var subs = Enumerable.Range(1, 5000).Select(i => $"sub{i:00000}@example.com").ToList();
        var master = new RoutingAccount("main", "master@example.com", null, subs);
        var plan = SweepPlanner.Plan(new SweepRequest("USDT", WalletAddress.Parse("spot")),
            subs.Select((s, i) => (s.ToUpperInvariant(), 1m + i)).ToList(), master, [master], () => "ferrytest");
        Assert.Equal(5000, plan.Moves.Count);
        Assert.Empty(plan.Skipped);
        for (var i = 0; i < subs.Count; i += 499)
        {
            var leg = Assert.IsType<SubAccountUniversalTransferLeg>(Assert.Single(plan.Moves[i].Route.Legs));
            Assert.Equal((subs[i], 1m + i), (leg.Request.FromEmail, plan.Moves[i].Request.Amount));
        }
    }

    [Fact]
    public void A_from_list_naming_a_sub_account_twice_is_refused_whatever_its_case()
    {
        var e = Assert.Throws<TransferPlanningException>(() => new SweepRequest("USDT", WalletAddress.Parse("spot"),
            From: ["alice@example.com", "bob@example.com", " Alice@Example.com"]).Validated());
        Assert.Equal("--from names alice@example.com twice; name each sub-account once.", e.Message);
    }

    [Fact]
    public void Zero_balances_below_min_and_at_keep_are_skipped_with_reasons()
    {
        var plan = Plan(new SweepRequest("USDT", WalletAddress.Parse("spot"), Min: 10m, Keep: 5m),
            ("alice@example.com", 0m), ("bob@example.com", 12m), ("carol@example.com", 5m));
        Assert.Empty(plan.Moves);
        Assert.Equal(3, plan.Skipped.Count);
        Assert.Contains("no free USDT", plan.Skipped[0].Reason);
        Assert.Contains("below --min 10", plan.Skipped[1].Reason);
        Assert.Contains("not more than --keep 5", plan.Skipped[2].Reason);
    }

    [Fact]
    public void The_target_itself_is_not_a_source()
    {
        var plan = Plan(new SweepRequest("USDT", WalletAddress.Parse("alice@example.com/spot")), ("alice@example.com", 10m), ("bob@example.com", 3m));
        var move = Assert.Single(plan.Moves);
        Assert.Equal("bob@example.com/spot", move.Request.From.ToString());
        Assert.Equal("it is the sweep's target", Assert.Single(plan.Skipped).Reason);
    }

    [Fact]
    public async Task From_reads_only_the_named_sub_accounts_and_all_reads_the_masters_list()
    {
        var reader = new FakeReader(new() { ["alice@example.com"] = 7m, ["bob@example.com"] = 9m, ["dave@example.com"] = 4m });
        var named = await SweepPlanner.PlanAsync(new SweepRequest("USDT", WalletAddress.Parse("spot"), From: ["BOB@example.com"]), reader, Master, [Master]);
        Assert.Equal(["bob@example.com/spot"], named.Moves.Select(m => m.Request.From.ToString()));
        Assert.Equal(0, reader.ListReads);

        // dave is not in accounts.json, but the master's own list names him: the router may route from him.
        var all = await SweepPlanner.PlanAsync(new SweepRequest("USDT", WalletAddress.Parse("spot")), reader, Master, [Master]);
        Assert.Equal(["alice@example.com/spot", "bob@example.com/spot", "dave@example.com/spot"], all.Moves.Select(m => m.Request.From.ToString()));
        Assert.Equal(1, reader.ListReads);

        var skipping = await SweepPlanner.PlanAsync(new SweepRequest("USDT", WalletAddress.Parse("spot")), reader, Master, [Master],
            email => email == "bob@example.com" ? "unresolved" : null);
        Assert.Equal(2, skipping.Moves.Count);
        Assert.Equal(new SkippedWallet("bob@example.com/spot", "unresolved"), Assert.Single(skipping.Skipped));
    }

    [Theory]
    [InlineData("US DT", null, "0", "0", "is not an asset name")]
    [InlineData("USDT", "not-an-email", "0", "0", "is not an e-mail address")]
    [InlineData("USDT", null, "-1", "0", "--min -1 is negative")]
    [InlineData("USDT", null, "0", "0.000000001", "more than 8 decimal places")]
    public void Bad_requests_are_refused_in_one_sentence(string asset, string? from, string min, string keep, string expected)
    {
        var request = new SweepRequest(asset, WalletAddress.Parse("spot"), from is null ? null : [from],
            Min: decimal.Parse(min, System.Globalization.CultureInfo.InvariantCulture), Keep: decimal.Parse(keep, System.Globalization.CultureInfo.InvariantCulture));
        var e = Assert.Throws<TransferPlanningException>(() => request.Validated());
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void Isolated_wallets_cannot_be_swept()
    {
        var e = Assert.Throws<TransferPlanningException>(() => new SweepRequest("USDT", WalletAddress.Parse("spot"), Wallet: WalletKind.Isolated).Validated());
        Assert.Contains("cannot read", e.Message);
    }

    internal sealed class FakeReader(Dictionary<string, decimal> spot) : IBalanceReader
    {
        public int ListReads;

        public Task<IReadOnlyList<string>> SubAccountsAsync(CancellationToken ct)
        {
            Interlocked.Increment(ref ListReads);
            return Task.FromResult<IReadOnlyList<string>>(spot.Keys.ToList());
        }

        public Task<decimal> FreeAsync(string email, WalletKind wallet, string asset, CancellationToken ct) =>
            Task.FromResult(spot.GetValueOrDefault(email));
    }
}
