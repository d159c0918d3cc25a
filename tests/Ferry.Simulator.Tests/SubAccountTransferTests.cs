using System.Net;
using Ferry.Simulator.Tests.Support;

namespace Ferry.Simulator.Tests;

/// <summary>The sub-account transfer endpoints at the wire level: who may call, related emails, unsupported scenarios,
/// unique clientTranId, weights, and the same id in every view. Totals and the auditor are checked after each test.</summary>
public sealed class SubAccountTransferTests : SimTestBase
{
    private const string Master = TestScenario.Master;
    private const string Alice = TestScenario.Alice;
    private const string Bob = TestScenario.Bob;
    private const string Universal = "sapi/v1/sub-account/universalTransfer";

    private Task<SimReply> Post(string path, TestSigner signer, params (string, string)[] ps) =>
        SignedAsync(HttpMethod.Post, path, ps, signer, Placement.Body);

    private Task<SimReply> Get(string path, TestSigner signer, params (string, string)[] ps) =>
        SignedAsync(HttpMethod.Get, path, ps, signer);

    private Task<SimReply> UniversalAsync(string? fromEmail, string fromType, string? toEmail, string toType, string amount,
        string? clientTranId = null, string? symbol = null, TestSigner? signer = null)
    {
        var ps = new List<(string, string)>();
        if (fromEmail is not null) ps.Add(("fromEmail", fromEmail));
        if (toEmail is not null) ps.Add(("toEmail", toEmail));
        ps.Add(("fromAccountType", fromType));
        ps.Add(("toAccountType", toType));
        if (clientTranId is not null) ps.Add(("clientTranId", clientTranId));
        if (symbol is not null) ps.Add(("symbol", symbol));
        ps.Add(("asset", "USDT"));
        ps.Add(("amount", amount));
        return Post(Universal, signer ?? TestScenario.HmacAll, [.. ps]);
    }

    [Fact]
    public async Task Universal_transfer_charges_IP_1_and_UID_360_and_answers_a_numeric_tranId()
    {
        var reply = await UniversalAsync(null, "SPOT", Alice, "USDT_FUTURE", "10", clientTranId: "c-1");

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(System.Text.Json.JsonValueKind.Number, reply.Json.GetProperty("tranId").ValueKind);
        Assert.Equal("c-1", reply.Json.GetProperty("clientTranId").GetString());
        Assert.Equal("1", reply.Header("X-SAPI-USED-IP-WEIGHT-1M"));
        Assert.Equal("360", reply.Header("X-SAPI-USED-UID-WEIGHT-1M"));
        Assert.Equal(90m, Balance(Master, "SPOT"));
        Assert.Equal(10m, Balance(Alice, "USDT_FUTURE"));
    }

    [Fact]
    public async Task Universal_transfer_to_an_isolated_pair_Binance_does_not_list_is_refused()
    {
        var reply = await UniversalAsync(null, "SPOT", Alice, "ISOLATED_MARGIN", "1", symbol: "NOPEUSDT");

        reply.AssertError(400, -3028, "Not a valid margin pair.");
        Assert.Equal(100m, Balance(Master, "SPOT"));
    }

    [Theory]
    [InlineData(null, "USDT_FUTURE", Alice, "USDT_FUTURE")]   // documented: no futures-to-futures
    [InlineData(null, "USDT_FUTURE", Alice, "COIN_FUTURE")]
    [InlineData(Alice, "SPOT", Alice, "USDT_FUTURE")]          // within one account (assumed)
    [InlineData(null, "SPOT", Master, "MARGIN")]
    [InlineData(null, "MARGIN", Alice, "USDT_FUTURE")]         // neither side SPOT (assumed)
    public async Task Unsupported_universal_scenarios_are_refused_with_minus_9000(string? fromEmail, string fromType, string? toEmail, string toType)
    {
        var reply = await UniversalAsync(fromEmail, fromType, toEmail, toType, "1");

        reply.AssertError(400, -9000, "Unsupported operation");
        Assert.Empty(Host.Audit());
        Assert.Equal(100m, Balance(Master, "SPOT"));
    }

    [Fact]
    public async Task A_reused_clientTranId_is_refused_and_moves_nothing()
    {
        Assert.Equal(HttpStatusCode.OK, (await UniversalAsync(null, "SPOT", Alice, "SPOT", "5", clientTranId: "same")).Status);

        var again = await UniversalAsync(null, "SPOT", Bob, "SPOT", "7", clientTranId: "same");

        again.AssertError(400, -5010, "Asset transfer fail.");
        Assert.Equal(95m, Balance(Master, "SPOT"));
        Assert.Equal(10m, Balance(Bob, "SPOT"));
        var found = await Get(Universal, TestScenario.HmacAll, ("clientTranId", "same"));
        var row = Assert.Single(found.Json.GetProperty("result").EnumerateArray());
        Assert.Equal(Alice, row.GetProperty("toEmail").GetString());
    }

    [Fact]
    public async Task A_refused_transfer_does_not_use_up_its_clientTranId()
    {
        (await UniversalAsync(null, "SPOT", Alice, "SPOT", "1000", clientTranId: "retry-me")).AssertError(400, -5002, "You have insufficient balance.");

        Assert.Equal(HttpStatusCode.OK, (await UniversalAsync(null, "SPOT", Alice, "SPOT", "1", clientTranId: "retry-me")).Status);
    }

    [Fact]
    public async Task Emails_must_be_well_formed_and_belong_to_this_master()
    {
        (await UniversalAsync(null, "SPOT", "not-an-email", "SPOT", "1")).AssertError(400, -4003, "Your input email is invalid.");
        (await UniversalAsync(null, "SPOT", "stranger@example.com", "SPOT", "1")).AssertError(400, -5021, "This parent sub have no relation");
        (await Post("sapi/v1/sub-account/margin/transfer", TestScenario.HmacAll, ("email", Master), ("asset", "USDT"), ("amount", "1"), ("type", "1")))
            .AssertError(400, -5021, "This parent sub have no relation");
        (await Post("sapi/v1/sub-account/transfer/subToSub", TestScenario.AliceKey, ("toEmail", Master), ("asset", "USDT"), ("amount", "1")))
            .AssertError(400, -5021, "This parent sub have no relation");
    }

    [Fact]
    public async Task Isolated_margin_needs_a_symbol()
    {
        (await UniversalAsync(null, "SPOT", Alice, "ISOLATED_MARGIN", "1")).AssertError(400, -1102,
            "Mandatory parameter 'symbol' was not sent, was empty/null, or malformed.");
        Assert.Equal(HttpStatusCode.OK, (await UniversalAsync(null, "SPOT", Alice, "ISOLATED_MARGIN", "1", symbol: "BTCUSDT")).Status);
        Assert.Equal(1m, Balance(Alice, "ISOLATED_MARGIN", symbol: "BTCUSDT"));
    }

    [Theory]
    [InlineData("sapi/v1/sub-account/universalTransfer")]
    [InlineData("sapi/v1/sub-account/margin/transfer")]
    [InlineData("sapi/v1/sub-account/futures/transfer")]
    [InlineData("sapi/v1/sub-account/futures/internalTransfer")]
    public async Task Master_only_endpoints_refuse_a_sub_account_key(string path)
    {
        var reply = await Post(path, TestScenario.AliceKey, ("email", Bob), ("fromEmail", Alice), ("toEmail", Bob),
            ("fromAccountType", "SPOT"), ("toAccountType", "SPOT"), ("futuresType", "1"), ("type", "1"), ("asset", "USDT"), ("amount", "1"));

        reply.AssertError(401, -2015, "Invalid API-key, IP, or permissions for action.");
        Assert.Equal(500m, Balance(Alice, "SPOT"));
    }

    [Theory]
    [InlineData("sapi/v1/sub-account/transfer/subToMaster")]
    [InlineData("sapi/v1/sub-account/transfer/subToSub")]
    public async Task Sub_account_endpoints_refuse_the_master_key(string path)
    {
        var reply = await Post(path, TestScenario.HmacAll, ("toEmail", Bob), ("asset", "USDT"), ("amount", "1"));

        reply.AssertError(401, -2015, "Invalid API-key, IP, or permissions for action.");
        Assert.Equal(100m, Balance(Master, "SPOT"));
    }

    [Fact]
    public async Task Sub_user_history_refuses_the_master_key_and_master_histories_refuse_a_sub_key()
    {
        (await Get("sapi/v1/sub-account/transfer/subUserHistory", TestScenario.HmacAll)).AssertError(401, -2015, "Invalid API-key, IP, or permissions for action.");
        (await Get("sapi/v1/sub-account/sub/transfer/history", TestScenario.AliceKey)).AssertError(401, -2015, "Invalid API-key, IP, or permissions for action.");
        (await Get(Universal, TestScenario.AliceKey)).AssertError(401, -2015, "Invalid API-key, IP, or permissions for action.");
    }

    [Fact]
    public async Task Universal_transfer_needs_the_internal_transfer_permission()
    {
        var reply = await UniversalAsync(null, "SPOT", Alice, "SPOT", "1", signer: TestScenario.TransferOnly);

        reply.AssertError(401, -2015, "Invalid API-key, IP, or permissions for action.");
    }

    [Fact]
    public async Task Wallets_a_sub_account_has_not_enabled_are_refused()
    {
        (await UniversalAsync(null, "SPOT", Bob, "USDT_FUTURE", "1")).AssertError(400, -5011, "future account not exists.");
        (await UniversalAsync(null, "SPOT", Bob, "MARGIN", "1")).AssertError(400, -5010, "Asset transfer fail.");
        (await Post("sapi/v1/sub-account/futures/transfer", TestScenario.HmacAll, ("email", Bob), ("asset", "USDT"), ("amount", "1"), ("type", "1")))
            .AssertError(400, -5011, "future account not exists.");
        (await Post("sapi/v1/sub-account/margin/transfer", TestScenario.HmacAll, ("email", Bob), ("asset", "USDT"), ("amount", "1"), ("type", "1")))
            .AssertError(400, -5010, "Asset transfer fail.");
        Assert.Equal(10m, Balance(Bob, "SPOT"));
    }

    [Fact]
    public async Task Legacy_transfers_answer_txnId_as_a_string_and_histories_show_it_as_a_number()
    {
        var reply = await Post("sapi/v1/sub-account/transfer/subToMaster", TestScenario.AliceKey, ("asset", "USDT"), ("amount", "2.5"));

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        var txnId = reply.Json.GetProperty("txnId").GetString()!;
        var spot = await Get("sapi/v1/sub-account/sub/transfer/history", TestScenario.HmacAll, ("toEmail", Master));
        var row = Assert.Single(spot.Json.EnumerateArray());
        Assert.Equal((txnId, Alice, Master, "2.5"), (row.GetProperty("tranId").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture),
            row.GetProperty("from").GetString(), row.GetProperty("to").GetString(), row.GetProperty("qty").GetString()));
        var mine = await Get("sapi/v1/sub-account/transfer/subUserHistory", TestScenario.AliceKey);   // type defaults to 2 (out)
        Assert.Equal(txnId, Assert.Single(mine.Json.EnumerateArray()).GetProperty("tranId").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Empty((await Get("sapi/v1/sub-account/transfer/subUserHistory", TestScenario.AliceKey, ("type", "1"))).Json.EnumerateArray());
    }

    [Fact]
    public async Task History_windows_and_parameters_are_checked()
    {
        (await Get(Universal, TestScenario.HmacAll, ("startTime", "0"), ("endTime", (8 * 86_400_000L).ToString(System.Globalization.CultureInfo.InvariantCulture))))
            .AssertError(400, -1127, "More than 168 hours between startTime and endTime.");
        (await Get(Universal, TestScenario.HmacAll, ("fromEmail", Alice), ("toEmail", Bob)))
            .AssertError(400, -1102, "Mandatory parameter 'toEmail' was not sent, was empty/null, or malformed.");
        (await Get("sapi/v1/sub-account/futures/internalTransfer", TestScenario.HmacAll, ("email", Alice)))
            .AssertError(400, -1102, "Mandatory parameter 'futuresType' was not sent, was empty/null, or malformed.");
        (await Get("sapi/v1/sub-account/futures/internalTransfer", TestScenario.HmacAll, ("email", Alice), ("futuresType", "1"),
            ("startTime", (Clock.NowMs - 31 * 86_400_000L).ToString(System.Globalization.CultureInfo.InvariantCulture))))
            .AssertError(400, -1102, "Mandatory parameter 'startTime' was not sent, was empty/null, or malformed.");
        (await Get("sapi/v1/sub-account/transfer/subUserHistory", TestScenario.AliceKey, ("returnFailHistory", "maybe")))
            .AssertError(400, -1102, "Mandatory parameter 'returnFailHistory' was not sent, was empty/null, or malformed.");
    }

    [Fact]
    public async Task Clock_moving_past_the_window_hides_old_rows()
    {
        Assert.Equal(HttpStatusCode.OK, (await UniversalAsync(null, "SPOT", Alice, "SPOT", "1")).Status);
        Clock.Advance(TimeSpan.FromDays(8));

        Assert.Equal(0, (await Get(Universal, TestScenario.HmacAll)).Json.GetProperty("totalCount").GetInt32());
        Assert.Single((await Get("sapi/v1/sub-account/sub/transfer/history", TestScenario.HmacAll)).Json.EnumerateArray());
    }
}
