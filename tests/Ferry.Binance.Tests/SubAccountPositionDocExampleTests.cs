using Ferry.Binance.Models;
using Ferry.Binance.SubAccount;
using Ferry.Binance.Models.SubAccount;

namespace Ferry.Binance.Tests;

/// <summary>The positions family's documented examples parse, nothing unmapped.</summary>
public sealed partial class SubAccountDocExampleParsingTests
{
    [Fact]
    public void Position_risk_v1_and_both_v2_envelopes_parse()
    {
        var v1 = Assert.Single(Parse<IReadOnlyList<SubAccountPositionRisk>>("doc-sub-account-position-risk-v1.json"));
        Assert.Equal(("BTCUSDT", 0.01m, -0.01612295m, "50"), (v1.Symbol, v1.PositionAmount, v1.UnrealizedProfit, v1.Leverage));
        var um = Parse<SubAccountPositionRiskV2>("doc-sub-account-position-risk-v2-usdm.json");
        Assert.Null(um.DeliveryPositionRiskVos);
        Assert.Equal(7963.54m, Assert.Single(um.FuturePositionRiskVos!).LiquidationPrice);
        var cm = Parse<SubAccountPositionRiskV2>("doc-sub-account-position-risk-v2-coinm.json");
        Assert.Equal(("BOTH", 1.23m), (cm.DeliveryPositionRiskVos![0].PositionSide, cm.DeliveryPositionRiskVos[0].PositionAmount));
    }

    [Fact]
    public void Move_position_examples_parse()
    {
        var post = Parse<MovePositionResult>("doc-sub-account-move-position-post.json");
        Assert.Equal([(true, "SELL", 97139m), (true, "BUY", 2731m)], post.MovePositionOrders.Select(o => (o.Success, o.Side, o.Price)));
        var get = Parse<MovePositionHistoryPage>("doc-sub-account-move-position-get.json");
        Assert.Equal((3, 1737544712000L, 105025.50981609m), (get.Total, get.FutureMovePositionOrderVoList[0].TimeStamp.ToUnixTimeMilliseconds(), get.FutureMovePositionOrderVoList[0].Price));
    }
}

/// <summary>The positions family's bad input.</summary>
public sealed partial class SubAccountBadInputTests
{
    private static MovePositionRequest Move(int count = 1, string symbol = "BTCUSDT", decimal quantity = 0.01m, PositionSide side = PositionSide.Both,
        string from = "a@b.c", string to = "d@e.f") =>
        new(from, to, Enumerable.Range(0, count).Select(_ => new MovePositionOrder(symbol, quantity, side)).ToArray());

    public static TheoryData<MovePositionRequest, string> BadMoves => new()
    {
        { Move(count: 11), "orderArgs has 11 positions; Binance moves at most 10 per call." },
        { Move(count: 0), "orderArgs needs at least one position to move." },
        { Move(quantity: 0m), "orderArgs[0].quantity must be more than zero, not 0." },
        { Move(quantity: 0.000000001m), "orderArgs[0].quantity 0.000000001 has more than 8 decimal places." },
        { Move(symbol: "btc/usdt"), "orderArgs[0].symbol 'btc/usdt' must be 2 to 30 upper-case letters or digits, such as BTCUSDT." },
        { Move(side: (PositionSide)7), "orderArgs[0].positionSide 7 is not BOTH, LONG or SHORT." },
        { Move(to: "A@B.C"), "fromUserEmail and toUserEmail must differ." },
        { Move(from: "nope"), "fromUserEmail 'nope' is not an e-mail address." },
    };

    [Theory]
    [MemberData(nameof(BadMoves))]
    public Task A_bad_move_is_not_sent(MovePositionRequest request, string message) =>
        AssertNotSent(c => c.SubAccountAssets.MovePositionsAsync(request), message);

    [Fact]
    public async Task Position_queries_check_their_input()
    {
        await AssertNotSent(c => c.SubAccountAssets.GetPositionRiskAsync(new SubAccountEmailRequest("x")), "email 'x' is not an e-mail address.");
        await AssertNotSent(c => c.SubAccountAssets.GetPositionRiskV2Async(new SubAccountPositionRiskQuery("a@b.c", 0)), "futuresType 0 is not 1 (USDⓈ-M) or 2 (COIN-M).");
        await AssertNotSent(c => c.SubAccountAssets.GetMovePositionHistoryAsync(new MovePositionHistoryQuery("", 1, 10)), "symbol is required (e.g. BTCUSDT).");
        await AssertNotSent(c => c.SubAccountAssets.GetMovePositionHistoryAsync(new MovePositionHistoryQuery("BTCUSDT", 0, 10)), "page must be 1 or more, not 0.");
        await AssertNotSent(c => c.SubAccountAssets.GetMovePositionHistoryAsync(new MovePositionHistoryQuery("BTCUSDT", 1, 1001)), "row must be between 1 and 1000, not 1001.");
    }

    [Fact]
    public async Task Move_orders_go_on_the_wire_as_indexed_parameters()
    {
        _clients.Handler.Enqueue(System.Net.HttpStatusCode.OK, """{"movePositionOrders":[]}""");
        var client = _clients.Hmac();
        await client.SubAccountAssets.MovePositionsAsync(new MovePositionRequest("a@b.c", "d@e.f",
            [new("BTCUSDT", 0.001m, PositionSide.Both), new("ETHUSDT", 0.01m, PositionSide.Short)]));
        var body = Assert.Single(_clients.Handler.Calls).Body!;
        Assert.StartsWith("fromUserEmail=a%40b.c&toUserEmail=d%40e.f&productType=UM&orderArgs%5B0%5D.symbol=BTCUSDT&orderArgs%5B0%5D.quantity=0.001&orderArgs%5B0%5D.positionSide=BOTH&orderArgs%5B1%5D.symbol=ETHUSDT&orderArgs%5B1%5D.quantity=0.01&orderArgs%5B1%5D.positionSide=SHORT&recvWindow=", body, StringComparison.Ordinal);
    }
}
