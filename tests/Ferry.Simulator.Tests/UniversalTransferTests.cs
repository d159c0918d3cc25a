using System.Net;
using Ferry.Simulator.Tests.Support;

namespace Ferry.Simulator.Tests;

public sealed class UniversalTransferTests : SimTestBase
{
    private const string Master = TestScenario.Master;

    /// <summary>type → (source wallet, source symbol, target wallet, target symbol), written from seed 002.</summary>
    public static TheoryData<string, string, string?, string, string?> Types => new()
    {
        { "MAIN_UMFUTURE", "SPOT", null, "USDT_FUTURE", null },
        { "MAIN_CMFUTURE", "SPOT", null, "COIN_FUTURE", null },
        { "MAIN_MARGIN", "SPOT", null, "MARGIN", null },
        { "UMFUTURE_MAIN", "USDT_FUTURE", null, "SPOT", null },
        { "UMFUTURE_MARGIN", "USDT_FUTURE", null, "MARGIN", null },
        { "CMFUTURE_MAIN", "COIN_FUTURE", null, "SPOT", null },
        { "CMFUTURE_MARGIN", "COIN_FUTURE", null, "MARGIN", null },
        { "MARGIN_MAIN", "MARGIN", null, "SPOT", null },
        { "MARGIN_UMFUTURE", "MARGIN", null, "USDT_FUTURE", null },
        { "MARGIN_CMFUTURE", "MARGIN", null, "COIN_FUTURE", null },
        { "ISOLATEDMARGIN_MARGIN", "ISOLATED_MARGIN", "BTCUSDT", "MARGIN", null },
        { "MARGIN_ISOLATEDMARGIN", "MARGIN", null, "ISOLATED_MARGIN", "BTCUSDT" },
        { "ISOLATEDMARGIN_ISOLATEDMARGIN", "ISOLATED_MARGIN", "BTCUSDT", "ISOLATED_MARGIN", "ETHUSDT" },
        { "MAIN_FUNDING", "SPOT", null, "FUNDING", null },
        { "FUNDING_MAIN", "FUNDING", null, "SPOT", null },
        { "FUNDING_UMFUTURE", "FUNDING", null, "USDT_FUTURE", null },
        { "UMFUTURE_FUNDING", "USDT_FUTURE", null, "FUNDING", null },
        { "MARGIN_FUNDING", "MARGIN", null, "FUNDING", null },
        { "FUNDING_MARGIN", "FUNDING", null, "MARGIN", null },
        { "FUNDING_CMFUTURE", "FUNDING", null, "COIN_FUTURE", null },
        { "CMFUTURE_FUNDING", "COIN_FUTURE", null, "FUNDING", null },
        { "MAIN_OPTION", "SPOT", null, "OPTION", null },
        { "OPTION_MAIN", "OPTION", null, "SPOT", null },
        { "UMFUTURE_OPTION", "USDT_FUTURE", null, "OPTION", null },
        { "OPTION_UMFUTURE", "OPTION", null, "USDT_FUTURE", null },
        { "MARGIN_OPTION", "MARGIN", null, "OPTION", null },
        { "OPTION_MARGIN", "OPTION", null, "MARGIN", null },
        { "FUNDING_OPTION", "FUNDING", null, "OPTION", null },
        { "OPTION_FUNDING", "OPTION", null, "FUNDING", null },
        { "MAIN_PORTFOLIO_MARGIN", "SPOT", null, "PORTFOLIO_MARGIN", null },
        { "PORTFOLIO_MARGIN_MAIN", "PORTFOLIO_MARGIN", null, "SPOT", null },
        { "MAIN_ISOLATED_MARGIN", "SPOT", null, "ISOLATED_MARGIN", "BTCUSDT" },
        { "ISOLATED_MARGIN_MAIN", "ISOLATED_MARGIN", "BTCUSDT", "SPOT", null },
    };

    [Fact]
    public void All_33_types_are_covered()
    {
        Assert.Equal(33, Types.Count);
        Assert.Equal(33, Binance.UniversalTransferTypes.All.Count);
    }

    [Theory]
    [MemberData(nameof(Types))]
    public async Task Each_type_moves_between_the_right_wallets(string type, string from, string? fromSymbol, string to, string? toSymbol)
    {
        var reply = await TransferAsync(type, "12.5", fromSymbol: fromSymbol, toSymbol: toSymbol);

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.True(reply.Json.GetProperty("tranId").GetInt64() > 0);
        Assert.Equal(87.5m, Balance(Master, from, symbol: fromSymbol));
        Assert.Equal(112.5m, Balance(Master, to, symbol: toSymbol));
    }

    [Theory]
    [InlineData("ISOLATEDMARGIN_MARGIN", "fromSymbol")]
    [InlineData("ISOLATEDMARGIN_ISOLATEDMARGIN", "fromSymbol")]
    [InlineData("ISOLATED_MARGIN_MAIN", "fromSymbol")]
    [InlineData("MARGIN_ISOLATEDMARGIN", "toSymbol")]
    [InlineData("MAIN_ISOLATED_MARGIN", "toSymbol")]
    public async Task Isolated_types_need_their_symbol(string type, string missing)
    {
        var reply = missing == "fromSymbol"
            ? await TransferAsync(type, "1", toSymbol: "ETHUSDT")
            : await TransferAsync(type, "1", fromSymbol: "ETHUSDT");
        reply.AssertError(400, -1102, $"Mandatory parameter '{missing}' was not sent, was empty/null, or malformed.");
    }

    [Theory]
    [InlineData("MAIN_ISOLATED_MARGIN", null, "NOPEUSDT")]
    [InlineData("MARGIN_ISOLATEDMARGIN", null, "NOPEUSDT")]
    [InlineData("ISOLATEDMARGIN_ISOLATEDMARGIN", "BTCUSDT", "NOPEUSDT")]
    [InlineData("ISOLATEDMARGIN_MARGIN", "NOPEUSDT", null)]
    [InlineData("ISOLATED_MARGIN_MAIN", "NOPEUSDT", null)]
    public async Task A_pair_Binance_does_not_list_for_isolated_margin_is_refused_and_nothing_moves(string type, string? fromSymbol, string? toSymbol)
    {
        var reply = await TransferAsync(type, "1", fromSymbol: fromSymbol, toSymbol: toSymbol);

        reply.AssertError(400, -3028, "Not a valid margin pair.");
        Assert.Empty(Host.History());
        Assert.DoesNotContain(Host.Balances(), b => b.Symbol == "NOPEUSDT");
    }

    [Fact]
    public async Task A_listed_pair_the_account_never_used_is_accepted()
    {
        var reply = await TransferAsync("MAIN_ISOLATED_MARGIN", "1", toSymbol: "SOLUSDT");

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(1m, Balance(Master, "ISOLATED_MARGIN", symbol: "SOLUSDT"));
    }

    [Fact]
    public async Task Isolated_to_the_same_symbol_is_refused()
    {
        var reply = await TransferAsync("ISOLATEDMARGIN_ISOLATEDMARGIN", "1", fromSymbol: "BTCUSDT", toSymbol: "BTCUSDT");
        reply.AssertError(400, -5010, "Asset transfer fail.");
    }

    [Fact]
    public async Task Insufficient_balance_moves_nothing()
    {
        var reply = await TransferAsync("MAIN_UMFUTURE", "100.00000001");

        reply.AssertError(400, -5002, "You have insufficient balance.");
        Assert.Equal(100m, Balance(Master, "SPOT"));
        Assert.Equal(100m, Balance(Master, "USDT_FUTURE"));
    }

    [Fact]
    public async Task The_whole_balance_can_move()
    {
        var reply = await TransferAsync("MAIN_UMFUTURE", "100");
        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(0m, Balance(Master, "SPOT"));
    }

    [Fact]
    public async Task Unknown_asset_is_insufficient_balance()
    {
        var reply = await TransferAsync("MAIN_UMFUTURE", "1", asset: "DOGE");
        reply.AssertError(400, -5002, "You have insufficient balance.");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("0.0")]
    [InlineData("-1")]
    [InlineData("abc")]
    [InlineData("1e3")]
    [InlineData("1,5")]
    [InlineData("0.000000001")]
    [InlineData("")]
    public async Task Bad_amounts_are_rejected(string amount)
    {
        var reply = await TransferAsync("MAIN_UMFUTURE", amount);
        reply.AssertError(400, -1102, "Mandatory parameter 'amount' was not sent, was empty/null, or malformed.");
        Assert.Equal(100m, Balance(Master, "SPOT"));
    }

    [Theory]
    [InlineData("MAIN_NOWHERE")]
    [InlineData("main_umfuture")]
    [InlineData("")]
    public async Task Unknown_type_is_rejected(string type)
    {
        var reply = await TransferAsync(type, "1");
        reply.AssertError(400, -1102, "Mandatory parameter 'type' was not sent, was empty/null, or malformed.");
    }

    [Fact]
    public async Task Eight_decimals_are_accepted_and_the_amount_is_exact()
    {
        var reply = await TransferAsync("MAIN_FUNDING", "0.00000001", asset: "BTC");
        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(0.49999999m, Balance(Master, "SPOT", "BTC"));
        Assert.Equal(0.00000001m, Balance(Master, "FUNDING", "BTC"));
    }

    [Fact]
    public async Task A_sub_account_key_moves_the_sub_accounts_own_wallets()
    {
        var reply = await TransferAsync("MAIN_UMFUTURE", "200", signer: TestScenario.AliceKey);
        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(300m, Balance(TestScenario.Alice, "SPOT"));
        Assert.Equal(200m, Balance(TestScenario.Alice, "USDT_FUTURE"));
        Assert.Equal(100m, Balance(Master, "SPOT"));
    }

    [Fact]
    public async Task A_sub_account_without_futures_has_no_futures_wallet()
    {
        var futures = await TransferAsync("MAIN_UMFUTURE", "1", signer: TestScenario.BobKey);
        futures.AssertError(400, -5011, "future account not exists.");
        var margin = await TransferAsync("MAIN_MARGIN", "1", signer: TestScenario.BobKey);
        margin.AssertError(400, -5010, "Asset transfer fail.");
        Assert.Equal(10m, Balance(TestScenario.Bob, "SPOT"));
    }

    [Fact]
    public async Task Transfer_ids_increase()
    {
        var first = await TransferAsync("MAIN_FUNDING", "1");
        var second = await TransferAsync("FUNDING_MAIN", "1");
        Assert.True(second.Json.GetProperty("tranId").GetInt64() > first.Json.GetProperty("tranId").GetInt64());
    }
}
