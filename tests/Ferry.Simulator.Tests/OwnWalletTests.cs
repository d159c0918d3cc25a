using System.Net;
using System.Text.Json;
using Ferry.Simulator.Binance;
using Ferry.Simulator.Tests.Support;

namespace Ferry.Simulator.Tests;

/// <summary>The caller's own wallets: spot, funding, the overview, cross and isolated margin, USDⓈ-M and COIN-M futures.
/// The test scenario gives the master 100 USDT in every wallet kind and 0.5 BTC in spot; alice has futures and margin,
/// bob neither.</summary>
public sealed class OwnWalletTests : SimTestBase
{
    private static readonly (string, string)[] None = [];

    private Task<SimReply> Get(string path, params (string, string)[] ps) => SignedAsync(HttpMethod.Get, path, ps, TestScenario.HmacAll);

    private static string? Row(JsonElement array, string asset, string field) =>
        array.EnumerateArray().Where(e => e.GetProperty("asset").GetString() == asset).Select(e => e.GetProperty(field).GetString()).SingleOrDefault();

    [Fact]
    public async Task Spot_account_lists_every_known_asset_unless_zero_balances_are_omitted()
    {
        var all = await SignedAsync(HttpMethod.Get, "api/v3/account", None, TestScenario.BobKey);
        Assert.Equal(HttpStatusCode.OK, all.Status);
        Assert.Equal("10.00000000", Row(all.Json.GetProperty("balances"), "USDT", "free"));
        Assert.Equal("0.00000000", Row(all.Json.GetProperty("balances"), "BTC", "free"));
        Assert.Equal("SPOT", all.Json.GetProperty("accountType").GetString());
        Assert.Equal("20", all.Header("X-MBX-USED-WEIGHT-1M"));

        var nonZero = await SignedAsync(HttpMethod.Get, "api/v3/account", [("omitZeroBalances", "true")], TestScenario.BobKey);
        Assert.Equal(["USDT"], nonZero.Json.GetProperty("balances").EnumerateArray().Select(b => b.GetProperty("asset").GetString()));
        Assert.Equal("40", nonZero.Header("X-MBX-USED-WEIGHT-1M"));

        (await Get("api/v3/account", ("omitZeroBalances", "yes"))).AssertError(400, -1102,
            "Mandatory parameter 'omitZeroBalances' was not sent, was empty/null, or malformed.");
    }

    [Fact]
    public async Task User_assets_and_funding_assets_are_arrays_of_positive_balances_sent_in_a_form_body()
    {
        var spot = await SignedAsync(HttpMethod.Post, "sapi/v3/asset/getUserAsset", [("needBtcValuation", "true")], TestScenario.HmacAll, Placement.Body);
        Assert.Equal(HttpStatusCode.OK, spot.Status);
        Assert.Equal("100.00000000", Row(spot.Json, "USDT", "free"));
        Assert.Equal("0.50000000", Row(spot.Json, "BTC", "free"));
        Assert.Equal("0.50000000", Row(spot.Json, "BTC", "btcValuation"));
        Assert.Equal("0.00000000", Row(spot.Json, "BTC", "ipoable"));

        var one = await SignedAsync(HttpMethod.Post, "sapi/v3/asset/getUserAsset", [("asset", "btc")], TestScenario.HmacAll, Placement.Body);
        Assert.Equal(["BTC"], one.Json.EnumerateArray().Select(e => e.GetProperty("asset").GetString()));
        Assert.Equal("0.00000000", Row(one.Json, "BTC", "btcValuation"));

        var funding = await SignedAsync(HttpMethod.Post, "sapi/v1/asset/get-funding-asset", None, TestScenario.HmacAll, Placement.Body);
        Assert.Equal("100.00000000", Row(funding.Json, "USDT", "free"));
        Assert.False(funding.Json[0].TryGetProperty("ipoable", out _));
    }

    [Fact]
    public async Task Wallet_overview_has_one_row_per_wallet_in_the_documented_order()
    {
        var reply = await Get("sapi/v1/asset/wallet/balance", ("needBalanceDetail", "true"));
        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(["Spot", "Funding", "Cross Margin", "Isolated Margin", "USDⓈ-M Futures", "COIN-M Futures", "Earn", "Options", "Trading Bots", "Copy Trading"],
            reply.Json.EnumerateArray().Select(e => e.GetProperty("walletName").GetString()));
        var spot = reply.Json[0];
        Assert.Equal("0.50000000", spot.GetProperty("balance").GetString()); // USDT has no price in this scenario: 0 BTC
        Assert.Equal("100.00000000", Row(spot.GetProperty("assetBalances"), "USDT", "free"));
        Assert.Equal("60", reply.Header("X-SAPI-USED-IP-WEIGHT-1M"));

        (await Get("sapi/v1/asset/wallet/balance", ("quoteAsset", "NOPRICE"))).AssertError(400, -1102,
            "Mandatory parameter 'quoteAsset' was not sent, was empty/null, or malformed.");
    }

    [Fact]
    public async Task Cross_margin_account_shows_the_margin_wallet_or_minus_3003_without_margin()
    {
        var reply = await Get("sapi/v1/margin/account");
        Assert.Equal("100.00000000", Row(reply.Json.GetProperty("userAssets"), "USDT", "netAsset"));
        Assert.True(reply.Json.GetProperty("created").GetBoolean());
        Assert.True(reply.Json.TryGetProperty("TotalCollateralValueInUSDT", out _));

        (await SignedAsync(HttpMethod.Get, "sapi/v1/margin/account", None, TestScenario.BobKey)).AssertError(400, -3003, "Margin account does not exist.");
    }

    [Fact]
    public async Task Isolated_margin_account_lists_each_pair_held_or_the_ones_named()
    {
        var all = await Get("sapi/v1/margin/isolated/account");
        Assert.Equal(["BTCUSDT", "ETHUSDT"], all.Json.GetProperty("assets").EnumerateArray().Select(a => a.GetProperty("symbol").GetString()));
        var btc = all.Json.GetProperty("assets")[0];
        Assert.Equal("BTC", btc.GetProperty("baseAsset").GetProperty("asset").GetString());
        Assert.Equal("0.00000000", btc.GetProperty("baseAsset").GetProperty("free").GetString());
        Assert.Equal("100.00000000", btc.GetProperty("quoteAsset").GetProperty("free").GetString());

        var one = await Get("sapi/v1/margin/isolated/account", ("symbols", "ETHUSDT"));
        Assert.Equal(["ETHUSDT"], one.Json.GetProperty("assets").EnumerateArray().Select(a => a.GetProperty("symbol").GetString()));

        (await Get("sapi/v1/margin/isolated/account", ("symbols", "BTCUSDT,ETHUSDT,BNBUSDT,SOLUSDT,XRPUSDT,ADAUSDT"))).AssertError(400, -1102,
            "'symbols' contains unexpected value. Cannot be greater than 5.");
        (await Get("sapi/v1/margin/isolated/account", ("symbols", "NOPEUSDT"))).AssertError(400, -3028, "Not a valid margin pair.");
    }

    [Fact]
    public async Task Usdm_futures_balance_and_account_read_the_futures_wallet_with_their_own_weight_budget()
    {
        await SignedAsync(HttpMethod.Get, "api/v3/account", None, TestScenario.HmacAll); // /api's budget, not /fapi's
        var balance = await Get("fapi/v3/balance");
        Assert.Equal(HttpStatusCode.OK, balance.Status);
        Assert.Equal("100.00000000", Row(balance.Json, "USDT", "availableBalance"));
        Assert.Equal(Clock.GetUtcNow().ToUnixTimeMilliseconds(), balance.Json[0].GetProperty("updateTime").GetInt64());
        Assert.True(balance.Json[0].GetProperty("marginAvailable").GetBoolean());
        Assert.Equal("5", balance.Header("X-MBX-USED-WEIGHT-1M"));

        var account = await Get("fapi/v3/account");
        Assert.Equal("100.00000000", account.Json.GetProperty("totalWalletBalance").GetString());
        Assert.Equal("100.00000000", Row(account.Json.GetProperty("assets"), "USDT", "marginBalance"));
        Assert.Equal(0, account.Json.GetProperty("positions").GetArrayLength());
        Assert.Equal("10", account.Header("X-MBX-USED-WEIGHT-1M"));

        (await SignedAsync(HttpMethod.Get, "fapi/v3/balance", None, TestScenario.BobKey)).AssertError(401, -2015, "Invalid API-key, IP, or permissions for action.");
    }

    [Fact]
    public async Task Coin_futures_balance_says_withdrawAvailable_and_has_no_marginAvailable()
    {
        var balance = await Get("dapi/v1/balance");
        Assert.Equal("100.00000000", Row(balance.Json, "USDT", "withdrawAvailable"));
        Assert.False(balance.Json[0].TryGetProperty("maxWithdrawAmount", out _));
        Assert.False(balance.Json[0].TryGetProperty("marginAvailable", out _));
        Assert.Equal("1", balance.Header("X-MBX-USED-WEIGHT-1M"));

        var account = await Get("dapi/v1/account");
        Assert.Equal("100.00000000", Row(account.Json.GetProperty("assets"), "USDT", "walletBalance"));
    }

    [Fact]
    public async Task A_sub_account_key_reads_its_own_wallets()
    {
        var reply = await SignedAsync(HttpMethod.Post, "sapi/v3/asset/getUserAsset", None, TestScenario.AliceKey, Placement.Body);
        Assert.Equal("500.00000000", Row(reply.Json, "USDT", "free"));
        var futures = await SignedAsync(HttpMethod.Get, "fapi/v3/balance", None, TestScenario.AliceKey);
        Assert.Equal(0, futures.Json.GetArrayLength());
    }
}

/// <summary>/fapi and /dapi each have one IP budget that their endpoints share, apart from /api's and /sapi's.</summary>
public sealed class FuturesRateLimitTests : SimTestBase
{
    protected override SimRateLimits Limits => new() { FuturesIpWeightPerWindow = 10, Window = TimeSpan.FromSeconds(10) };

    [Fact]
    public async Task The_futures_budget_is_shared_within_fapi_and_separate_from_dapi()
    {
        Assert.Equal(HttpStatusCode.OK, (await SignedAsync(HttpMethod.Get, "fapi/v3/balance", [], TestScenario.HmacAll)).Status);
        Assert.Equal(HttpStatusCode.OK, (await SignedAsync(HttpMethod.Get, "fapi/v3/account", [], TestScenario.HmacAll)).Status);
        var refused = await SignedAsync(HttpMethod.Get, "fapi/v2/balance", [], TestScenario.HmacAll);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
        Assert.Equal(HttpStatusCode.OK, (await SignedAsync(HttpMethod.Get, "dapi/v1/account", [], TestScenario.HmacAll)).Status);
    }
}
