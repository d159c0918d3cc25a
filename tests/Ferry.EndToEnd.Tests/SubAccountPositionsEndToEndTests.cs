using Ferry.Binance.Models;
using Ferry.Binance.SubAccount;
using Ferry.Core.Outcomes;
using Ferry.Binance.Models.SubAccount;

namespace Ferry.EndToEnd.Tests;

/// <summary>The positions family: position risk v1/v2, move-position (≤ 10, UM only, master only) and its history.</summary>
public sealed class SubAccountPositionsEndToEndTests : SubAccountFixture
{
    private static MovePositionRequest Move(string from, string to, params MovePositionOrder[] orders) => new(from, to, orders);

    [Fact]
    public async Task Position_risk_v1_and_v2_show_the_scenario_positions()
    {
        using var client = Client();
        var v1 = Ok(await client.SubAccountAssets.GetPositionRiskAsync(new SubAccountEmailRequest(Alice)));
        Assert.Equal([("BTCUSDT", 0.1m, 58000m, 60000m, 200m, "10"), ("ETHUSDT", -2m, 3100m, 3000m, 200m, "5")],
            v1.Select(p => (p.Symbol, p.PositionAmount, p.EntryPrice, p.MarkPrice, p.UnrealizedProfit, p.Leverage)));

        var um = Ok(await client.SubAccountAssets.GetPositionRiskV2Async(new SubAccountPositionRiskQuery(Alice, FuturesType.UsdtMargined)));
        Assert.Null(um.DeliveryPositionRiskVos);
        Assert.Equal(2, um.FuturePositionRiskVos!.Count);
        var cm = Ok(await client.SubAccountAssets.GetPositionRiskV2Async(new SubAccountPositionRiskQuery(Alice, FuturesType.CoinMargined)));
        Assert.Null(cm.FuturePositionRiskVos);
        var coin = Assert.Single(cm.DeliveryPositionRiskVos!);
        Assert.Equal(("BTCUSD_PERP", "LONG", 3m, 0.05m, "false"), (coin.Symbol, coin.PositionSide, coin.PositionAmount, coin.UnrealizedProfit, coin.Isolated));
    }

    [Fact]
    public async Task A_moved_position_leaves_one_account_and_appears_in_the_other()
    {
        using var client = Client();
        Ok(await client.SubAccountManagement.EnableFuturesAsync(new SubAccountEmailRequest(Bob)));

        var moved = Ok(await client.SubAccountAssets.MovePositionsAsync(Move(Alice, Bob, new MovePositionOrder("BTCUSDT", 0.04m, PositionSide.Both))));
        var order = Assert.Single(moved.MovePositionOrders);
        Assert.Equal((true, "MARK_PRICE", 60000m, 0.04m, "SELL", "UM"), (order.Success, order.PriceType, order.Price, order.Quantity, order.Side, order.ProductType));

        var alice = Ok(await client.SubAccountAssets.GetPositionRiskAsync(new SubAccountEmailRequest(Alice))).Single(p => p.Symbol == "BTCUSDT");
        var bob = Assert.Single(Ok(await client.SubAccountAssets.GetPositionRiskAsync(new SubAccountEmailRequest(Bob))));
        Assert.Equal((0.06m, 58000m), (alice.PositionAmount, alice.EntryPrice));
        Assert.Equal(("BTCUSDT", 0.04m, 60000m), (bob.Symbol, bob.PositionAmount, bob.EntryPrice));

        Ok(await client.SubAccountAssets.MovePositionsAsync(Move(Bob, Alice, new MovePositionOrder("BTCUSDT", 0.01m, PositionSide.Both))));
        alice = Ok(await client.SubAccountAssets.GetPositionRiskAsync(new SubAccountEmailRequest(Alice))).Single(p => p.Symbol == "BTCUSDT");
        Assert.Equal((0.07m, 58285.71428571m), (alice.PositionAmount, alice.EntryPrice));

        var history = Ok(await client.SubAccountAssets.GetMovePositionHistoryAsync(new MovePositionHistoryQuery("BTCUSDT", 1, 10)));
        Assert.Equal(2, history.Total);
        Assert.Equal([(Bob, Alice, 0.01m), (Alice, Bob, 0.04m)], history.FutureMovePositionOrderVoList.Select(m => (m.FromUserEmail, m.ToUserEmail, m.Quantity)));
        Assert.Equal(2, Ok(await client.SubAccountAssets.GetAllMovePositionHistoryAsync(new MovePositionHistoryQuery("BTCUSDT", 1, 1))).Count);
        Assert.Empty(Ok(await client.SubAccountAssets.GetMovePositionHistoryAsync(new MovePositionHistoryQuery("ETHUSDT", 1, 10))).FutureMovePositionOrderVoList);
    }

    [Fact]
    public async Task Each_order_succeeds_or_fails_on_its_own_and_a_short_moves_to_the_master()
    {
        using var client = Client();
        var result = Ok(await client.SubAccountAssets.MovePositionsAsync(Move(Alice, Master,
            new MovePositionOrder("ETHUSDT", 2m, PositionSide.Both), new MovePositionOrder("BTCUSDT", 5m, PositionSide.Both), new MovePositionOrder("SOLUSDT", 1m, PositionSide.Both))));
        Assert.Equal([true, false, false], result.MovePositionOrders.Select(o => o.Success));
        Assert.Equal("BUY", result.MovePositionOrders[0].Side);

        var alice = Ok(await client.SubAccountAssets.GetPositionRiskAsync(new SubAccountEmailRequest(Alice)));
        Assert.Equal([("BTCUSDT", 0.1m)], alice.Select(p => (p.Symbol, p.PositionAmount)));
        var history = Ok(await client.SubAccountAssets.GetMovePositionHistoryAsync(new MovePositionHistoryQuery("ETHUSDT", 1, 10)));
        Assert.Equal((Master, 2m), (history.FutureMovePositionOrderVoList[0].ToUserEmail, history.FutureMovePositionOrderVoList[0].Quantity));
    }

    [Fact]
    public async Task More_than_ten_positions_are_refused_before_anything_is_sent()
    {
        using var client = Client();
        var orders = Enumerable.Range(0, 11).Select(_ => new MovePositionOrder("BTCUSDT", 0.001m, PositionSide.Both)).ToArray();
        var outcome = await client.SubAccountAssets.MovePositionsAsync(Move(Alice, Master, orders));
        Assert.Equal("orderArgs has 11 positions; Binance moves at most 10 per call.", Assert.IsType<NotSent<MovePositionResult>>(outcome).Message);
        Assert.Equal(0.1m, Ok(await client.SubAccountAssets.GetPositionRiskAsync(new SubAccountEmailRequest(Alice))).Single(p => p.Symbol == "BTCUSDT").PositionAmount);
    }

    [Fact]
    public async Task Refusals_futures_not_enabled_unknown_email_sub_account_key_and_permission()
    {
        using var client = Client();
        Assert.Equal("-5011", Refused(await client.SubAccountAssets.MovePositionsAsync(Move(Alice, Bob, new MovePositionOrder("BTCUSDT", 0.01m, PositionSide.Both)))).Code);
        Assert.Equal("-5011", Refused(await client.SubAccountAssets.GetPositionRiskAsync(new SubAccountEmailRequest(Bob))).Code);
        Assert.Equal("-5021", Refused(await client.SubAccountAssets.MovePositionsAsync(Move(Alice, "x@example.com", new MovePositionOrder("BTCUSDT", 0.01m, PositionSide.Both)))).Code);
        using var alice = AliceClient();
        Assert.Equal("Sub-account function is not enabled.", Refused(await alice.SubAccountAssets.GetPositionRiskAsync(new SubAccountEmailRequest(Alice))).Message);
        using var readOnly = Client("master-read-key", "master-read-secret");
        Assert.Equal("-2015", Refused(await readOnly.SubAccountAssets.MovePositionsAsync(Move(Alice, Master, new MovePositionOrder("BTCUSDT", 0.01m, PositionSide.Both)))).Code);
        Assert.Equal(0.1m, Ok(await client.SubAccountAssets.GetPositionRiskAsync(new SubAccountEmailRequest(Alice))).Single(p => p.Symbol == "BTCUSDT").PositionAmount);
    }
}
