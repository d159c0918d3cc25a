using Ferry.Engine.Addresses;
using Ferry.Binance;
using Ferry.Engine.Routing;
using Ferry.Engine.Transfers;

namespace Ferry.Tests;

/// <summary>
/// The route planner over every pair of Binance wallet kinds, same account and across accounts, with and without
/// sub-account keys. Each table was worked out by hand from the endpoints' documented reach and weights (W wallet
/// universal transfer UID 300; U sub-account universal transfer IP 1 + UID 360; I futures internal, g margin, f futures,
/// S subToSub, M subToMaster, IP 1 each); x means no route with the keys configured.
/// </summary>
public class RoutePlannerTests
{
    private const string Master = "master@example.com";
    private const string Alice = "alice@example.com";
    private const string Bob = "bob@example.com";

    private static readonly RoutingAccount MasterKey = new("main", Master, SubAccounts: [Alice, Bob]);
    private static readonly RoutingAccount AliceKey = new("alice", Alice, MasterEmail: Master);
    private static readonly RoutingAccount BobKey = new("bob", Bob, MasterEmail: Master);

    /// <summary>Row and column order of the tables.</summary>
    private static readonly string[] Kinds = ["spot", "margin", "isolated:BTCUSDT", "usdm", "coinm", "funding", "options", "portfolio"];

    private static readonly Dictionary<char, TransferEndpointKind> Codes = new()
    {
        ['W'] = TransferEndpointKind.WalletUniversalTransfer, ['U'] = TransferEndpointKind.SubAccountUniversalTransfer,
        ['I'] = TransferEndpointKind.SubAccountFuturesInternalTransfer, ['M'] = TransferEndpointKind.SubAccountToMaster,
        ['S'] = TransferEndpointKind.SubAccountToSubAccount, ['g'] = TransferEndpointKind.SubAccountMarginTransfer,
        ['f'] = TransferEndpointKind.SubAccountFuturesTransfer,
    };

    /// <summary>Master key only: the master's wallet (row) → alice's wallet (column).</summary>
    private const string MasterToAliceWithMasterKey = """
        U  U  U  U  U  x  x  x
        U  Ug WU WI WI x  x  x
        U  Ug WU Uf Uf x  x  x
        U  Ug WU I  Uf x  x  x
        U  Ug WU Uf I  x  x  x
        WU WU WU WI WI x  x  x
        WU WU WU WI WU x  x  x
        WU WU WU WU WU x  x  x
        """;

    /// <summary>Master and alice's keys: the master's wallet → alice's wallet; alice's own wallets are now reachable.</summary>
    private const string MasterToAliceWithBothKeys = """
        U  U  U  U  U  UW  UW  UW
        U  Ug WU WI WI UW  UW  UW
        U  Ug WU Uf Uf UW  UW  UW
        U  IW WU I  Uf IW  IW  UW
        U  IW WU Uf I  IW  UW  UW
        WU WU WU WI WI WIW WIW WUW
        WU WU WU WI WU WIW WIW WUW
        WU WU WU WU WU WUW WUW WUW
        """;

    /// <summary>Only alice's and bob's own keys (no master key): alice's wallet → bob's wallet.</summary>
    private const string AliceToBobWithSubKeysOnly = """
        S   SW  SW  SW  SW  SW  SW  SW
        WS  WSW WSW WSW WSW WSW WSW WSW
        WS  WSW WSW WSW WSW WSW WSW WSW
        WS  WSW WSW WSW WSW WSW WSW WSW
        WS  WSW WSW WSW WSW WSW WSW WSW
        WS  WSW WSW WSW WSW WSW WSW WSW
        WS  WSW WSW WSW WSW WSW WSW WSW
        WS  WSW WSW WSW WSW WSW WSW WSW
        """;

    /// <summary>Inside the master's own account with its key ('-': same wallet).</summary>
    private const string InsideMasterAccount = """
        -  W  W  W  W  W  W  W
        W  -  W  W  W  W  W  WW
        W  W  -  WW WW WW WW WW
        W  W  WW -  WW W  W  WW
        W  W  WW WW -  W  WW WW
        W  W  WW W  W  -  W  WW
        W  W  WW W  WW W  -  WW
        W  WW WW WW WW WW WW -
        """;

    /// <summary>Inside alice's account with the master's key only.</summary>
    private const string InsideAliceWithMasterKey = """
        -  g  UU f  f  x  x  x
        g  -  UU gf gf x  x  x
        UU UU -  UU UU x  x  x
        f  fg UU -  ff x  x  x
        f  fg UU ff -  x  x  x
        x  x  x  x  x  -  x  x
        x  x  x  x  x  x  -  x
        x  x  x  x  x  x  x  -
        """;

    public static TheoryData<string, string, string, string> Cells()
    {
        var data = new TheoryData<string, string, string, string>();
        void Add(string table, string name, string fromOwner, string toOwner)
        {
            var rows = table.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            Assert.Equal(Kinds.Length, rows.Length);
            for (var r = 0; r < rows.Length; r++)
            {
                var cells = rows[r].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                Assert.Equal(Kinds.Length, cells.Length);
                for (var c = 0; c < cells.Length; c++)
                    if (cells[c] != "-") data.Add(name, $"{fromOwner}/{Kinds[r]}", $"{toOwner}/{Kinds[c]}", cells[c]);
            }
        }
        Add(MasterToAliceWithMasterKey, "master", Master, Alice);
        Add(MasterToAliceWithBothKeys, "master+alice", Master, Alice);
        Add(AliceToBobWithSubKeysOnly, "alice+bob", Alice, Bob);
        Add(InsideMasterAccount, "master", Master, Master);
        Add(InsideAliceWithMasterKey, "master", Alice, Alice);
        return data;
    }

    private static (RoutingAccount Home, RoutingAccount[] All) Keys(string keys) => keys switch
    {
        "master" => (MasterKey, [MasterKey]),
        "master+alice" => (MasterKey, [MasterKey, AliceKey]),
        "alice+bob" => (AliceKey, [AliceKey, BobKey]),
        _ => throw new ArgumentOutOfRangeException(nameof(keys)),
    };

    private static TransferPlan Plan(string keys, string from, string to)
    {
        var (home, all) = Keys(keys);
        return TransferRouter.Plan(new TransferRequest(10m, "USDT", WalletAddress.Parse(from), WalletAddress.Parse(to)), home, all, () => "ferry-fixed-id");
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public void Every_pair_of_wallet_kinds_gets_the_cheapest_route_or_a_refusal(string keys, string from, string to, string expected)
    {
        if (expected == "x")
        {
            var error = Assert.Throws<TransferPlanningException>(() => Plan(keys, from, to));
            Assert.Contains("alice@example.com's own key", error.Message);
            return;
        }
        var plan = Plan(keys, from, to);
        Assert.Equal(expected.Select(c => Codes[c]), plan.Legs.Select(l => l.Kind));
        Assert.Equal(plan.Legs.Select(l => l.EndpointRow.ToString()), plan.Legs.Select(l => l.Endpoint));

        // The legs chain: each starts where the previous ended, the first at the source and the last at the target.
        Assert.Equal(Norm(WalletAddress.Parse(from)), Norm(plan.Legs[0].From));
        Assert.Equal(Norm(WalletAddress.Parse(to)), Norm(plan.Legs[^1].To));
        for (var i = 1; i < plan.Legs.Count; i++) Assert.Equal(Norm(plan.Legs[i - 1].To), Norm(plan.Legs[i].From));
        Assert.Equal(plan.Legs.Sum(l => l.EndpointRow.IpWeight), plan.IpWeight);
        Assert.Equal(plan.Legs.Sum(l => l.EndpointRow.UidWeight), plan.UidWeight);
    }

    private static WalletAddress Norm(WalletAddress a) => a with { Email = a.Email ?? Master };

    [Fact]
    public void Sub_A_coinm_to_sub_B_isolated_margin_is_two_legs_with_the_masters_key_and_three_with_sub_keys_only()
    {
        var master = Plan("master", $"{Alice}/coinm", $"{Bob}/isolated:BTCUSDT");
        Assert.Equal(["POST /sapi/v1/sub-account/futures/transfer", "POST /sapi/v1/sub-account/universalTransfer"], master.Legs.Select(l => l.Endpoint));
        Assert.Equal($"{Alice}/spot", master.Intermediates.Single().ToString());
        Assert.Equal(("BTCUSDT", Bob), (((SubAccountUniversalTransferLeg)master.Legs[1]).Request.Symbol, ((SubAccountUniversalTransferLeg)master.Legs[1]).Request.ToEmail));
        Assert.Equal((2, 360), (master.IpWeight, master.UidWeight));

        var subs = Plan("alice+bob", $"{Alice}/coinm", $"{Bob}/isolated:BTCUSDT");
        Assert.Equal(["alice", "alice", "bob"], subs.Legs.Select(l => l.AccountName));
        Assert.Equal(["CMFUTURE_MAIN", "sub-account to sub-account", "MAIN_ISOLATED_MARGIN"], subs.Legs.Select(l => l.Summary));
        Assert.Equal([$"{Alice}/spot", $"{Bob}/spot"], subs.Intermediates.Select(a => a.ToString()));
    }

    [Fact]
    public void Fewer_legs_win_over_less_weight_and_less_weight_wins_among_equally_long_routes()
    {
        // margin → alice's usdm: W(300)+I(1) beats U(361)+f(1) and W(300)+U(361).
        Assert.Equal(301, Plan("master", $"{Master}/margin", $"{Alice}/usdm").Legs.Sum(l => l.EndpointRow.IpWeight + l.EndpointRow.UidWeight));
        // alice's usdm → alice's margin inside her account: f+g (2 weight), not two universal transfers (722).
        Assert.Equal(2, Plan("master", $"{Alice}/usdm", $"{Alice}/margin").Legs.Sum(l => l.EndpointRow.IpWeight + l.EndpointRow.UidWeight));
    }

    [Fact]
    public void Every_money_moving_endpoint_of_the_client_table_is_a_connector_once()
    {
        var moving = new[]
        {
            BinanceEndpoints.UniversalTransfer, BinanceEndpoints.SubAccountUniversalTransfer, BinanceEndpoints.SubAccountFuturesInternalTransfer,
            BinanceEndpoints.SubAccountToMaster, BinanceEndpoints.SubAccountToSubAccount, BinanceEndpoints.SubAccountMarginTransfer,
            BinanceEndpoints.SubAccountFuturesTransfer,
        };
        Assert.Equal(moving.OrderBy(e => e.Id), RouteConnectors.Binance.Select(c => c.Endpoint).OrderBy(e => e.Id));
        Assert.Equal(RouteConnectors.Binance.Count, RouteConnectors.Binance.Select(c => c.Preference).Distinct().Count());
    }

    [Theory]
    [InlineData("master", "spot", "alice@example.com/funding", "configure alice@example.com's own key with permitsUniversalTransfer")]
    [InlineData("alice+bob", "spot", "master@example.com/usdm", "configure the master's key (master@example.com) with enableInternalTransfer")]
    [InlineData("alice+bob", "master@example.com/margin", "spot", "the master's key (master@example.com)")]
    public void A_refusal_names_the_missing_key_and_the_permission_it_needs(string keys, string from, string to, string expected)
    {
        var error = Assert.Throws<TransferPlanningException>(() => Plan(keys, from, to));
        Assert.Contains(expected, error.Message);
        Assert.DoesNotContain("\n", error.Message);
        Assert.InRange(error.Message.Count(c => c == '.'), 1, 12);
    }

    [Fact]
    public void A_home_without_email_plans_its_own_wallets_in_two_legs()
    {
        var anon = new RoutingAccount("anon", null);
        var plan = TransferRouter.Plan(new TransferRequest(1m, "USDT", WalletAddress.Parse("usdm"), WalletAddress.Parse("coinm")), anon, [anon]);
        Assert.Equal(["UMFUTURE_MAIN", "MAIN_CMFUTURE"], plan.Legs.Select(l => l.Summary));
        Assert.All(plan.Legs, l => Assert.Equal("anon", l.AccountName));
    }
}
