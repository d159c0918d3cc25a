using System.Globalization;
using System.Net;
using System.Text.Json;
using Ferry.Simulator.Tests.Support;
using Ferry.Simulator.Scenario;

namespace Ferry.Simulator.Tests;

/// <summary>The simulated HTX side over loopback HTTP, with a test-only signer written from the docs.</summary>
public sealed class HtxSimulatorTests : IAsyncLifetime
{
    private const string Trader = "trader@example.com";
    private const string Reader = "reader@example.com";
    private readonly FakeTimeProvider _clock = new FakeTimeProvider(TestClock.Start);
    private SimulatorHost _host = null!;
    private HttpClient _http = null!;
    private IReadOnlyDictionary<string, decimal> _seeded = new Dictionary<string, decimal>();

    private static readonly string ScenarioJson = """
        {"htx": {
          "users": [{"email": "trader@example.com", "uid": 111, "spotAccountId": 5000}, {"email": "reader@example.com"}],
          "apiKeys": [
            {"owner": "trader@example.com", "accessKey": "trader-key", "secretKey": "trader-secret", "permissions": ["read", "trade"]},
            {"owner": "reader@example.com", "accessKey": "reader-key", "secretKey": "reader-secret", "permissions": ["read"]}],
          "contracts": ["BTC-USDT", "ETH-USDT"],
          "balances": [
            {"owner": "trader@example.com", "account": "spot", "currency": "USDT", "amount": "1000"},
            {"owner": "trader@example.com", "account": "spot", "type": "frozen", "currency": "USDT", "amount": "7"},
            {"owner": "trader@example.com", "account": "spot", "currency": "BTC", "amount": "0.5"},
            {"owner": "trader@example.com", "account": "linear-swap", "marginAccount": "USDT", "currency": "USDT", "amount": "100"},
            {"owner": "trader@example.com", "account": "linear-swap", "marginAccount": "BTC-USDT", "currency": "USDT", "amount": "50"},
            {"owner": "reader@example.com", "account": "spot", "currency": "USDT", "amount": "10"}],
          "minimums": [{"currency": "USDT", "amount": "2"}]}}
        """;

    public async Task InitializeAsync()
    {
        _host = await SimulatorHost.StartAsync(new SimulatorOptions { Scenario = ScenarioDocument.Parse(ScenarioJson), Time = _clock });
        _http = new HttpClient { BaseAddress = _host.BaseAddress };
        _seeded = _host.Totals();
    }

    public async Task DisposeAsync()
    {
        try
        {
            Assert.Empty(_host.Audit());
            Assert.Equal(_seeded.OrderBy(t => t.Key), _host.Totals().OrderBy(t => t.Key));
        }
        finally
        {
            _http.Dispose();
            await _host.DisposeAsync();
        }
    }

    private HtxTestClient Trader_ => new(_http, _clock.GetUtcNow, "trader-key", "trader-secret");

    private decimal Balance(string wallet, string? symbol = null, string asset = "USDT", string owner = Trader) =>
        _host.Balances(owner).Where(b => b.Wallet == wallet && b.Symbol == symbol && b.Asset == asset).Sum(b => b.Amount);

    private static void AssertV2Error(HtxTestClient.Reply reply, int code, string message, HttpStatusCode status = HttpStatusCode.OK)
    {
        Assert.Equal(status, reply.Status);
        Assert.Equal(code, reply.Json.GetProperty("code").GetInt32());
        Assert.Equal(message, reply.Json.GetProperty("message").GetString());
        Assert.False(reply.Json.GetProperty("success").GetBoolean());
        Assert.Equal(JsonValueKind.Null, reply.Json.GetProperty("data").ValueKind);
    }

    [Fact]
    public async Task Transfer_spot_to_cross_and_back_moves_money_and_answers_the_v2_envelope()
    {
        var reply = await Trader_.TransferAsync("spot", "linear-swap", "usdt", "100.5", "USDT");
        Assert.Equal(200, reply.Json.GetProperty("code").GetInt32());
        Assert.True(reply.Json.GetProperty("success").GetBoolean());
        Assert.Equal("Succeed", reply.Json.GetProperty("message").GetString());
        Assert.True(reply.Json.GetProperty("data").GetInt64() > 0);
        Assert.Equal((899.5m, 200.5m), (Balance("HTX_SPOT"), Balance("HTX_SWAP_CROSS")));

        _clock.Advance(TimeSpan.FromSeconds(1));
        var back = await Trader_.TransferAsync("linear-swap", "spot", "USDT", "\"2.5\"", "usdt");
        Assert.Equal(200, back.Json.GetProperty("code").GetInt32());
        Assert.Equal((902m, 198m), (Balance("HTX_SPOT"), Balance("HTX_SWAP_CROSS")));
    }

    [Fact]
    public async Task Isolated_transfers_use_the_contracts_margin_account()
    {
        Assert.Equal(200, (await Trader_.TransferAsync("spot", "linear-swap", "usdt", "25", "BTC-USDT")).Json.GetProperty("code").GetInt32());
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(200, (await Trader_.TransferAsync("linear-swap", "spot", "usdt", "75", "btc-usdt")).Json.GetProperty("code").GetInt32());
        Assert.Equal(0m, Balance("HTX_SWAP_ISOLATED", "BTC-USDT"));
        Assert.Equal(1050m, Balance("HTX_SPOT"));
        Assert.Equal(100m, Balance("HTX_SWAP_CROSS"));
    }

    [Theory]
    [InlineData("spot", "linear-swap", "usdt", "1.123456789", "USDT", 1331, "Exceeds limit of transfer accuracy (8 digits). Please modify it.")]
    [InlineData("spot", "linear-swap", "usdt", "0", "USDT", 1322, "Invalid amount. Must be more than 0.")]
    [InlineData("spot", "linear-swap", "usdt", "1.5", "USDT", 1303, "The single transfer-out amount must be no less than 2USDT")]
    [InlineData("spot", "linear-swap", "usdt", "5000", "USDT", 1301, "Insufficient amount available.")]
    [InlineData("linear-swap", "spot", "usdt", "51", "BTC-USDT", 1301, "Insufficient amount available.")]
    [InlineData("spot", "linear-swap", "usdt", "5", "XRP-USDT", 1013, "This contract type doesn't exist.")]
    [InlineData("spot", "linear-swap", "usdt", "5", "BTCUSDT", 1013, "This contract type doesn't exist.")]
    [InlineData("spot", "spot", "usdt", "5", "USDT", 10001, "Does not support transfer within single business")]
    [InlineData("spot", "futures", "usdt", "5", "USDT", 1315, "Wrong transfer type.")]
    [InlineData("spot", "linear-swap", "btc", "0.1", "USDT", 10002, "This transfer is not supported")]
    [InlineData("spot", "linear-swap", "us-dt", "5", "USDT", 10000, "Currency does not exist")]
    [InlineData("spot", "linear-swap", "usdt", "\"abc\"", "USDT", 502, "Invalid parameter")]
    public async Task Refused_transfers_answer_the_documented_code_and_move_nothing(
        string from, string to, string currency, string amount, string margin, int code, string message)
    {
        var reply = await Trader_.TransferAsync(from, to, currency, amount, margin);
        AssertV2Error(reply, code, message);
        Assert.Equal((1000m, 100m, 50m), (Balance("HTX_SPOT"), Balance("HTX_SWAP_CROSS"), Balance("HTX_SWAP_ISOLATED", "BTC-USDT")));
    }

    [Fact]
    public async Task A_missing_field_is_504_and_a_non_json_body_is_a_gateway_error()
    {
        AssertV2Error(await Trader_.PostAsync("/v2/account/transfer", """{"from":"spot","to":"linear-swap","currency":"usdt","amount":5}"""),
            504, "Lack of parameter");
        var notJson = await Trader_.PostAsync("/v2/account/transfer", "from=spot", "application/x-www-form-urlencoded");
        Assert.Equal("gateway-internal-error", notJson.ErrorCode);
        Assert.Equal("error", notJson.Json.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_key_without_trade_permission_is_refused_403()
    {
        var reader = new HtxTestClient(_http, _clock.GetUtcNow, "reader-key", "reader-secret");
        AssertV2Error(await reader.TransferAsync("spot", "linear-swap", "usdt", "5", "USDT"), 403, "Access denied");
        Assert.Equal("ok", (await reader.GetAsync("/v1/account/accounts")).Json.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_bad_signature_is_refused_in_each_envelope()
    {
        var wrong = new HtxTestClient(_http, _clock.GetUtcNow, "trader-key", "not-the-secret");
        AssertV2Error(await wrong.TransferAsync("spot", "linear-swap", "usdt", "5", "USDT"), 513, "Invalid signature");
        var v1 = await wrong.GetAsync("/v1/account/accounts");
        Assert.Equal(("api-signature-not-valid", "Signature not valid: Verification failure [校验失败]"), (v1.ErrorCode, v1.ErrorMessage));
        var swap = await wrong.PostAsync("/linear-swap-api/v1/swap_cross_account_info", "{}");
        Assert.Equal(("12008", "Verification failed."), (swap.ErrorCode, swap.ErrorMessage));
        Assert.Equal("error", swap.Json.GetProperty("status").GetString());

        var unknown = new HtxTestClient(_http, _clock.GetUtcNow, "nobody", "x");
        var v1Unknown = await unknown.GetAsync("/v1/account/accounts");
        Assert.Equal(("api-signature-not-valid", "Signature not valid: Incorrect Access key [Access key错误]"), (v1Unknown.ErrorCode, v1Unknown.ErrorMessage));
        Assert.Equal("12009", (await unknown.PostAsync("/linear-swap-api/v1/swap_account_info", "{}")).ErrorCode);
        Assert.Equal(1000m, Balance("HTX_SPOT"));
    }

    [Fact]
    public async Task The_pre_sign_host_is_the_host_as_received_with_its_port()
    {
        var withoutPort = Trader_;
        withoutPort.SignedHost = _host.BaseAddress.Host;
        AssertV2Error(await withoutPort.TransferAsync("spot", "linear-swap", "usdt", "5", "USDT"), 513, "Invalid signature");

        var upperCase = Trader_;
        upperCase.SignedHost = _host.BaseAddress.Authority.ToUpperInvariant();
        Assert.Equal(200, (await upperCase.TransferAsync("spot", "linear-swap", "usdt", "5", "USDT")).Json.GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task A_tampered_signature_is_refused()
    {
        var reply = await Trader_.SendAsync(HttpMethod.Get, "/v2/account/ledger", [("currency", "usdt")], null,
            signatureOverride: s => s.Replace(s[0], s[0] == 'A' ? 'B' : 'A'));
        AssertV2Error(reply, 513, "Invalid signature");
    }

    [Fact]
    public async Task A_stale_or_missing_timestamp_is_refused()
    {
        var stale = Trader_;
        stale.Timestamp = _clock.GetUtcNow().AddSeconds(-61);
        AssertV2Error(await stale.TransferAsync("spot", "linear-swap", "usdt", "5", "USDT"), 513, "Invalid signature");
        Assert.Equal("api-signature-not-valid", (await stale.GetAsync("/v1/account/accounts")).ErrorCode);
        Assert.Equal(("12001", "Invalid submission time."), ((await stale.PostAsync("/linear-swap-api/v1/swap_account_info", "{}")).ErrorCode,
            (await stale.PostAsync("/linear-swap-api/v1/swap_account_info", "{}")).ErrorMessage));

        var ahead = Trader_;
        ahead.Timestamp = _clock.GetUtcNow().AddSeconds(61);
        AssertV2Error(await ahead.TransferAsync("spot", "linear-swap", "usdt", "5", "USDT"), 513, "Invalid signature");

        var fresh = Trader_;
        fresh.Timestamp = _clock.GetUtcNow().AddSeconds(-59);
        Assert.Equal(200, (await fresh.TransferAsync("spot", "linear-swap", "usdt", "5", "USDT")).Json.GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task The_transfer_allows_one_per_second_and_reports_the_rate_headers()
    {
        var first = await Trader_.TransferAsync("spot", "linear-swap", "usdt", "5", "USDT");
        Assert.Equal("0", first.Header("X-HB-RateLimit-Requests-Remain"));
        var windowEnd = _clock.NowMs - (_clock.NowMs % 1000) + 1000;
        Assert.Equal(windowEnd.ToString(CultureInfo.InvariantCulture), first.Header("X-HB-RateLimit-Requests-Expire"));

        AssertV2Error(await Trader_.TransferAsync("spot", "linear-swap", "usdt", "5", "USDT"), 429, "too many requests", HttpStatusCode.TooManyRequests);
        Assert.Equal(995m, Balance("HTX_SPOT"));

        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(200, (await Trader_.TransferAsync("spot", "linear-swap", "usdt", "5", "USDT")).Json.GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task The_private_swap_endpoints_share_72_per_3_seconds_and_answer_1032()
    {
        HtxTestClient.Reply last = null!;
        for (var i = 0; i < 72; i++) last = await Trader_.PostAsync(i % 2 == 0 ? "/linear-swap-api/v1/swap_account_info" : "/linear-swap-api/v1/swap_cross_account_info", "{}");
        Assert.Equal(("72", "0", "3000"), (last.Header("ratelimit-limit"), last.Header("ratelimit-remaining"), last.Header("ratelimit-interval")));
        var over = await Trader_.PostAsync("/linear-swap-api/v1/swap_cross_account_info", "{}");
        Assert.Equal(("1032", "The number of access exceeded the limit."), (over.ErrorCode, over.ErrorMessage));
    }

    [Fact]
    public async Task Accounts_and_balances_agree_with_the_ledger()
    {
        Assert.Equal(200, (await Trader_.TransferAsync("spot", "linear-swap", "usdt", "30", "ETH-USDT")).Json.GetProperty("code").GetInt32());

        var accounts = (await Trader_.GetAsync("/v1/account/accounts")).Json.GetProperty("data");
        var spot = Assert.Single(accounts.EnumerateArray());
        Assert.Equal((5000L, "spot", "", "working"), (spot.GetProperty("id").GetInt64(), spot.GetProperty("type").GetString(),
            spot.GetProperty("subtype").GetString(), spot.GetProperty("state").GetString()));

        var balance = (await Trader_.GetAsync("/v1/account/accounts/5000/balance")).Json.GetProperty("data");
        decimal Row(string currency, string type) => decimal.Parse(balance.GetProperty("list").EnumerateArray()
            .Single(r => r.GetProperty("currency").GetString() == currency && r.GetProperty("type").GetString() == type)
            .GetProperty("balance").GetString()!, CultureInfo.InvariantCulture);
        Assert.Equal((970m, 7m, 0.5m, 0m), (Row("usdt", "trade"), Row("usdt", "frozen"), Row("btc", "trade"), Row("btc", "frozen")));
        Assert.Equal(Balance("HTX_SPOT"), Row("usdt", "trade"));
        Assert.Equal(Balance("HTX_SPOT_FROZEN"), Row("usdt", "frozen"));

        var other = await Trader_.GetAsync("/v1/account/accounts/5002/balance");
        Assert.Equal(("account-frozen-account-inexistent-error", "account for id `5002` does not exist"), (other.ErrorCode, other.ErrorMessage));

        var isolated = (await Trader_.PostAsync("/linear-swap-api/v1/swap_account_info", "{}")).Json;
        Assert.Equal("ok", isolated.GetProperty("status").GetString());
        Assert.Equal(_clock.NowMs, isolated.GetProperty("ts").GetInt64());
        var byContract = isolated.GetProperty("data").EnumerateArray().ToDictionary(a => a.GetProperty("contract_code").GetString()!, a => a.GetProperty("margin_balance").GetDecimal());
        Assert.Equal(new Dictionary<string, decimal> { ["BTC-USDT"] = 50m, ["ETH-USDT"] = 30m }, byContract);
        var one = (await Trader_.PostAsync("/linear-swap-api/v1/swap_account_info", """{"contract_code":"ETH-USDT"}""")).Json.GetProperty("data");
        Assert.Equal(30m, Assert.Single(one.EnumerateArray()).GetProperty("withdraw_available").GetDecimal());
        Assert.Equal("1013", (await Trader_.PostAsync("/linear-swap-api/v1/swap_account_info", """{"contract_code":"XRP-USDT"}""")).ErrorCode);

        var cross = Assert.Single((await Trader_.PostAsync("/linear-swap-api/v1/swap_cross_account_info", """{"margin_account":"USDT"}""")).Json.GetProperty("data").EnumerateArray());
        Assert.Equal((100m, "cross", "USDT"), (cross.GetProperty("margin_balance").GetDecimal(), cross.GetProperty("margin_mode").GetString(), cross.GetProperty("margin_account").GetString()));
        Assert.Equal(Balance("HTX_SWAP_CROSS"), cross.GetProperty("withdraw_available").GetDecimal());
    }

    [Fact]
    public async Task The_ledger_lists_spot_swap_transfers_newest_first_with_signs_and_pages()
    {
        var ids = new List<long>();
        foreach (var (from, to, amount, margin) in new[] { ("spot", "linear-swap", "10", "USDT"), ("linear-swap", "spot", "4", "USDT"), ("spot", "linear-swap", "3", "BTC-USDT") })
        {
            ids.Add((await Trader_.TransferAsync(from, to, "usdt", amount, margin)).Json.GetProperty("data").GetInt64());
            _clock.Advance(TimeSpan.FromSeconds(1));
        }

        var all = (await Trader_.GetAsync("/v2/account/ledger", ("accountId", "5000"), ("currency", "usdt"), ("transactTypes", "transfer"))).Json;
        Assert.Equal(200, all.GetProperty("code").GetInt32());
        var rows = all.GetProperty("data").EnumerateArray().ToList();
        Assert.Equal(ids.AsEnumerable().Reverse(), rows.Select(r => r.GetProperty("transactId").GetInt64()));
        Assert.Equal([-3m, 4m, -10m], rows.Select(r => r.GetProperty("transactAmt").GetDecimal()));
        Assert.Equal(["spot-to-linear-swap", "linear-swap-to-spot", "spot-to-linear-swap"], rows.Select(r => r.GetProperty("transferType").GetString()));
        Assert.Equal((5000L, 5001L), (rows[0].GetProperty("transferer").GetInt64(), rows[0].GetProperty("transferee").GetInt64()));
        Assert.False(all.TryGetProperty("nextId", out _));

        var page = (await Trader_.GetAsync("/v2/account/ledger", ("limit", "2"))).Json;
        Assert.Equal(2, page.GetProperty("data").GetArrayLength());
        var next = page.GetProperty("nextId").GetInt64();
        Assert.Equal(ids[0], next);
        var rest = (await Trader_.GetAsync("/v2/account/ledger", ("limit", "2"), ("fromId", next.ToString(CultureInfo.InvariantCulture)))).Json;
        Assert.Equal(ids[0], Assert.Single(rest.GetProperty("data").EnumerateArray()).GetProperty("transactId").GetInt64());

        var start = _clock.NowMs - (11L * 24 * 3600 * 1000);
        AssertV2Error(await Trader_.GetAsync("/v2/account/ledger", ("startTime", start.ToString(CultureInfo.InvariantCulture)),
            ("endTime", _clock.NowMs.ToString(CultureInfo.InvariantCulture))), 502, "Invalid parameter");
        var reader = new HtxTestClient(_http, _clock.GetUtcNow, "reader-key", "reader-secret");
        Assert.Empty((await reader.GetAsync("/v2/account/ledger")).Json.GetProperty("data").EnumerateArray());
    }

    [Fact]
    public async Task Htx_wallets_show_in_the_admin_balances_and_the_binance_side_still_404s_unknown_paths()
    {
        var rows = _host.Balances(Trader);
        Assert.Contains(rows, r => r.Wallet == "HTX_SWAP_ISOLATED" && r.Symbol == "BTC-USDT" && r.Amount == 50m);
        using var response = await _http.GetAsync("v1/common/timestamp");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(Reader, _host.Balances(Reader).Single().Owner);
    }

    [Theory]
    [InlineData("""{"htx": {"users": [{"email": "a@x.io"}], "balances": [{"owner": "b@x.io", "account": "spot", "currency": "USDT", "amount": "1"}]}}""", "htx.balances[0].owner")]
    [InlineData("""{"htx": {"users": [{"email": "a@x.io"}], "balances": [{"owner": "a@x.io", "account": "linear-swap", "marginAccount": "XRP-USDT", "currency": "USDT", "amount": "1"}]}}""", "htx.balances[0].marginAccount")]
    [InlineData("""{"htx": {"users": [{"email": "a@x.io"}], "balances": [{"owner": "a@x.io", "account": "linear-swap", "marginAccount": "USDT", "currency": "BTC", "amount": "1"}]}}""", "htx.balances[0].currency")]
    [InlineData("""{"htx": {"users": [{"email": "a@x.io"}], "apiKeys": [{"owner": "a@x.io", "accessKey": "k", "secretKey": "s", "permissions": ["enableReading"]}]}}""", "htx.apiKeys[0].permissions[0]")]
    [InlineData("""{"htx": {"contracts": ["BTCUSDT"]}}""", "htx.contracts[0]")]
    [InlineData("""{"htx": {"minimums": [{"currency": "usdt", "amount": "1"}]}}""", "htx.minimums[0].currency")]
    [InlineData("""{"htx": {"extra": 1}}""", "htx.extra")]
    [InlineData("""{"binance": {"master": "m@x.io", "balances": [{"owner": "m@x.io", "wallet": "HTX_SPOT", "asset": "USDT", "amount": "1"}]}}""", "binance.balances[0].wallet")]
    public void Bad_htx_scenarios_name_the_field(string json, string field)
    {
        var e = Assert.Throws<ScenarioException>(() => ScenarioDocument.Parse(json));
        Assert.Contains($"'{field}'", e.Message);
    }

    [Fact]
    public async Task Htx_state_survives_a_restart_from_the_state_file()
    {
        var dir = Directory.CreateTempSubdirectory("ferry-htx-state-").FullName;
        try
        {
            var path = Path.Combine(dir, "state.db");
            await using (var host = await SimulatorHost.StartAsync(new SimulatorOptions { Scenario = ScenarioDocument.Parse(ScenarioJson), StatePath = path, Time = _clock }))
            {
                using var http = new HttpClient { BaseAddress = host.BaseAddress };
                var client = new HtxTestClient(http, _clock.GetUtcNow, "trader-key", "trader-secret");
                Assert.Equal(200, (await client.TransferAsync("spot", "linear-swap", "usdt", "40", "BTC-USDT")).Json.GetProperty("code").GetInt32());
            }

            _clock.Advance(TimeSpan.FromSeconds(1));
            await using (var host = await SimulatorHost.StartAsync(new SimulatorOptions { Scenario = null, StatePath = path, Time = _clock }))
            {
                Assert.Empty(host.Audit());
                Assert.Equal(90m, host.Balances(Trader).Single(b => b.Wallet == "HTX_SWAP_ISOLATED" && b.Symbol == "BTC-USDT").Amount);
                using var http = new HttpClient { BaseAddress = host.BaseAddress };
                var client = new HtxTestClient(http, _clock.GetUtcNow, "trader-key", "trader-secret");
                AssertV2Error(await client.TransferAsync("spot", "linear-swap", "usdt", "1", "USDT"), 1303, "The single transfer-out amount must be no less than 2USDT");
                Assert.Single((await client.GetAsync("/v2/account/ledger")).Json.GetProperty("data").EnumerateArray());
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Every_htx_error_has_a_provenance_and_matches_its_envelope()
    {
        foreach (var error in Htx.HtxErrors.All)
        {
            Assert.False(string.IsNullOrWhiteSpace(error.Note));
            if (error.Style != Htx.HtxStyle.V1) Assert.True(long.TryParse(error.Code, out _), error.Code);
        }
    }
}
