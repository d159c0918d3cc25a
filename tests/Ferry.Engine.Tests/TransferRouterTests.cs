using Ferry.Engine.Addresses;
using Ferry.Engine.Routing;
using Ferry.Engine.Transfers;

namespace Ferry.Tests;

public class TransferRouterTests
{
    private const string Master = "master@example.com";
    private const string Alice = "alice@example.com";
    private const string Bob = "bob@example.com";

    private static readonly RoutingAccount MasterKey = new("main", Master, SubAccounts: [Alice, Bob]);
    private static readonly RoutingAccount AliceKey = new("alice", Alice, MasterEmail: Master);

    private static TransferPlan Plan(string from, string to, RoutingAccount? home = null, params RoutingAccount[] accounts)
    {
        home ??= MasterKey;
        var all = accounts.Length == 0 ? [home] : accounts;
        return TransferRouter.Plan(new TransferRequest(10m, "usdt", WalletAddress.Parse(from), WalletAddress.Parse(to)), home, all, () => "ferry-fixed-id");
    }

    private static TransferLeg Leg(string from, string to, RoutingAccount? home = null, params RoutingAccount[] accounts) =>
        Assert.Single(Plan(from, to, home, accounts).Legs);

    private static IReadOnlyList<KeyValuePair<string, string>> Params(params (string, string)[] ps) =>
        ps.Select(p => new KeyValuePair<string, string>(p.Item1, p.Item2)).ToList();

    private static string Shape(TransferPlan plan) =>
        string.Join(" | ", plan.Legs.Select(l => $"{l.AccountName} {l.Endpoint} {string.Join("&", l.Describe().Parameters.Select(p => $"{p.Key}={p.Value}"))}"));

    [Fact]
    public void A_planner_for_many_requests_plans_and_refuses_each_as_Plan_does()
    {
        var home = new RoutingAccount("main", Master, SubAccounts: [Alice, "BOB@example.com", Alice.ToUpperInvariant()]);
        var planner = TransferRouter.PlannerFor(home, [home], () => "ferry-fixed-id");
        foreach (var (from, to) in new[] { ("spot", $"{Alice}/usdm"), ($"{Bob}/spot", "spot"), ($"{Alice}/spot", $"{Bob}/spot"), ("spot", "usdm") })
        {
            var request = new TransferRequest(10m, "usdt", WalletAddress.Parse(from), WalletAddress.Parse(to));
            Assert.Equal(Shape(TransferRouter.Plan(request, home, [home], () => "ferry-fixed-id")), Shape(planner(request)));
        }

        var unknown = new TransferRequest(10m, "usdt", WalletAddress.Parse("carol@example.com/spot"), WalletAddress.Parse("spot"));
        var refused = Assert.Throws<TransferPlanningException>(() => planner(unknown));
        Assert.Equal(Assert.Throws<TransferPlanningException>(() => TransferRouter.Plan(unknown, home, [home])).Message, refused.Message);
        // The family lists each sub-account once, whatever the case it was configured in.
        Assert.EndsWith("(known: alice@example.com, bob@example.com).", refused.Message);
    }

    [Fact]
    public void A_refusal_names_ten_known_sub_accounts_of_a_long_list_and_counts_the_rest()
    {
        var home = new RoutingAccount("main", Master, SubAccounts: [.. Enumerable.Range(1, 2500).Select(i => $"sub{i:0000}@example.com")]);
        var unknown = new TransferRequest(10m, "usdt", WalletAddress.Parse("carol@example.com/spot"), WalletAddress.Parse("spot"));
        var refused = Assert.Throws<TransferPlanningException>(() => TransferRouter.Plan(unknown, home, [home]));
        Assert.EndsWith("(known: sub0001@example.com, sub0002@example.com, sub0003@example.com, sub0004@example.com, sub0005@example.com, "
            + "sub0006@example.com, sub0007@example.com, sub0008@example.com, sub0009@example.com, sub0010@example.com and 2490 more).", refused.Message);
    }

    [Fact]
    public void A_move_inside_the_home_account_keeps_the_wallet_path()
    {
        var leg = Assert.IsType<WalletTransferLeg>(Leg("spot", "usdm"));
        Assert.Equal(("main", "MAIN_UMFUTURE", "POST /sapi/v1/asset/transfer"), (leg.AccountName, leg.Summary, leg.Endpoint));
        Assert.Equal("MAIN_FUNDING", Leg($"{Master}/spot", "funding").Summary);
    }

    [Fact]
    public void Master_to_sub_prefers_the_universal_transfer_with_a_generated_clientTranId()
    {
        var leg = Assert.IsType<SubAccountUniversalTransferLeg>(Leg("spot", $"{Alice}/usdm"));
        Assert.Equal(TransferEndpointKind.SubAccountUniversalTransfer, leg.Kind);
        Assert.Equal("POST /sapi/v1/sub-account/universalTransfer", leg.Endpoint);
        Assert.Equal(Params(("toEmail", Alice), ("fromAccountType", "SPOT"), ("toAccountType", "USDT_FUTURE"),
            ("clientTranId", "ferry-fixed-id"), ("asset", "USDT"), ("amount", "10")), leg.Parameters);
        Assert.Equal("ferry-fixed-id", leg.ClientTranId);
    }

    [Fact]
    public void Sub_to_sub_and_isolated_margin_go_through_the_universal_transfer()
    {
        var subToSub = Assert.IsType<SubAccountUniversalTransferLeg>(Leg($"{Alice}/spot", $"{Bob}/spot"));
        Assert.Equal((Alice, Bob), (subToSub.Request.FromEmail, subToSub.Request.ToEmail));

        var isolated = Assert.IsType<SubAccountUniversalTransferLeg>(Leg($"{Alice}/isolated:BTCUSDT", "spot"));
        Assert.Equal(("BTCUSDT", Alice, null), (isolated.Request.Symbol, isolated.Request.FromEmail, isolated.Request.ToEmail));
    }

    [Fact]
    public void A_generated_clientTranId_is_fresh_for_every_plan()
    {
        var a = TransferRouter.Plan(new TransferRequest(1m, "USDT", WalletAddress.Parse("spot"), WalletAddress.Parse($"{Alice}/spot")), MasterKey, [MasterKey]);
        var b = TransferRouter.Plan(new TransferRequest(1m, "USDT", WalletAddress.Parse("spot"), WalletAddress.Parse($"{Alice}/spot")), MasterKey, [MasterKey]);
        Assert.NotEqual(a.Legs[0].ClientTranId, b.Legs[0].ClientTranId);
        Assert.Matches("^ferry[0-9a-f]{24}$", a.Legs[0].ClientTranId);
    }

    [Fact]
    public void Futures_to_futures_between_accounts_uses_the_futures_internal_transfer()
    {
        var leg = Assert.IsType<SubAccountFuturesInternalTransferLeg>(Leg("usdm", $"{Alice}/usdm"));
        Assert.Equal(Params(("fromEmail", Master), ("toEmail", Alice), ("futuresType", "1"), ("asset", "USDT"), ("amount", "10")), leg.Parameters);
        Assert.Equal("2", Assert.IsType<SubAccountFuturesInternalTransferLeg>(Leg($"{Bob}/coinm", $"{Alice}/coinm")).Parameters[2].Value);
    }

    [Fact]
    public void Inside_a_sub_account_without_its_key_the_master_uses_margin_or_futures_transfer()
    {
        var margin = Assert.IsType<SubAccountMarginTransferLeg>(Leg($"{Alice}/spot", $"{Alice}/margin"));
        Assert.Equal(Params(("email", Alice), ("asset", "USDT"), ("amount", "10"), ("type", "1")), margin.Parameters);
        var futures = Assert.IsType<SubAccountFuturesTransferLeg>(Leg($"{Alice}/coinm", $"{Alice}/spot"));
        Assert.Equal("4", futures.Parameters[3].Value);
    }

    [Fact]
    public void Inside_a_sub_account_with_its_own_key_the_wallet_transfer_is_used_with_that_key()
    {
        var leg = Assert.IsType<WalletTransferLeg>(Leg($"{Alice}/spot", $"{Alice}/funding", MasterKey, MasterKey, AliceKey));
        Assert.Equal(("alice", "MAIN_FUNDING"), (leg.AccountName, leg.Summary));
    }

    [Fact]
    public void With_only_a_sub_account_key_spot_to_spot_uses_subToMaster_or_subToSub()
    {
        var toMaster = Assert.IsType<SubAccountToMasterLeg>(Leg("spot", $"{Master}/spot", AliceKey));
        Assert.Equal(("alice", "POST /sapi/v1/sub-account/transfer/subToMaster"), (toMaster.AccountName, toMaster.Endpoint));
        var aliceAndBob = new RoutingAccount("bob", Bob, MasterEmail: Master);
        var toSub = Assert.IsType<SubAccountToSubAccountLeg>(Leg("spot", $"{Bob}/spot", AliceKey, AliceKey, aliceAndBob));
        Assert.Equal(Params(("toEmail", Bob), ("asset", "USDT"), ("amount", "10")), toSub.Parameters);
    }

    [Fact]
    public void With_both_keys_configured_the_masters_universal_transfer_is_preferred_even_from_the_sub_account()
    {
        var leg = Leg("spot", $"{Master}/spot", AliceKey, AliceKey, MasterKey);
        Assert.Equal(("main", TransferEndpointKind.SubAccountUniversalTransfer), (leg.AccountName, leg.Kind));
    }

    [Theory]
    [InlineData("spot", "spot", "same wallet")]
    [InlineData("master@example.com/spot", "spot", "same wallet")]
    [InlineData("spot", "carol@example.com/spot", "carol@example.com) that is neither account 'main'")]
    [InlineData("spot", "alice@example.com/funding", "configure alice@example.com's own key with permitsUniversalTransfer")]
    [InlineData("htx:spot", "spot", "no move crosses between the two exchanges")]
    public void Refusals_name_the_reason(string from, string to, string expected)
    {
        var error = Assert.Throws<TransferPlanningException>(() => Plan(from, to));
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void A_sub_account_key_alone_moves_out_of_futures_in_two_legs_through_its_spot()
    {
        var legs = Plan("usdm", $"{Master}/spot", AliceKey).Legs;
        Assert.Equal([TransferEndpointKind.WalletUniversalTransfer, TransferEndpointKind.SubAccountToMaster], legs.Select(l => l.Kind));
        Assert.All(legs, l => Assert.Equal("alice", l.AccountName));
    }

    [Fact]
    public void An_account_without_email_cannot_name_other_accounts()
    {
        var error = Assert.Throws<TransferPlanningException>(() => Plan("spot", $"{Alice}/spot", new RoutingAccount("anon", null)));
        Assert.Contains("has no email configured", error.Message);
    }

    [Fact]
    public void Every_plan_is_one_leg_and_bad_amounts_are_refused_first()
    {
        Assert.Throws<TransferPlanningException>(() => TransferRouter.Plan(
            new TransferRequest(0m, "USDT", WalletAddress.Parse("spot"), WalletAddress.Parse($"{Alice}/spot")), MasterKey, [MasterKey]));
        Assert.Single(Plan("spot", $"{Alice}/spot").Legs);
    }
}
