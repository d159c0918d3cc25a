using System.Net;
using System.Text.Json;
using Ferry.Simulator.Tests.Support;
using Ferry.Simulator.Scenario;

namespace Ferry.Simulator.Tests;

/// <summary>The sub-account book: scenario sections, and state that survives a restart.</summary>
public sealed class SubAccountBookTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "ferry-sim-tests", Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _clock = new FakeTimeProvider(TestClock.Start);

    private string StatePath => Path.Combine(_dir, "state.db");

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    private Task<SimulatorHost> StartAsync(ScenarioDocument? scenario, bool file = true) =>
        SimulatorHost.StartAsync(new SimulatorOptions { Scenario = scenario, StatePath = file ? StatePath : null, Time = _clock });

    private async Task<(HttpStatusCode Status, JsonElement Json)> CallAsync(SimulatorHost host, HttpMethod method, string path, string query,
        TestSigner? signer = null)
    {
        signer ??= TestScenario.HmacAll;
        var signed = $"{query}{(query.Length > 0 ? "&" : "")}timestamp={_clock.NowMs}";
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        using var request = new HttpRequestMessage(method, $"{path}?{signed}&signature={signer.Sign(signed)}");
        request.Headers.Add("X-MBX-APIKEY", signer.ApiKey);
        using var response = await http.SendAsync(request);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    [Fact]
    public async Task A_virtual_sub_account_and_an_enabled_flag_survive_a_restart()
    {
        string email;
        await using (var host = await StartAsync(TestScenario.Document()))
        {
            var created = await CallAsync(host, HttpMethod.Post, "sapi/v1/sub-account/virtualSubAccount", "subAccountString=keep");
            Assert.Equal(HttpStatusCode.OK, created.Status);
            email = created.Json.GetProperty("email").GetString()!;
            Assert.Equal(HttpStatusCode.OK, (await CallAsync(host, HttpMethod.Post, "sapi/v1/sub-account/futures/enable", $"email={Uri.EscapeDataString(email)}")).Status);
        }

        await using (var host = await StartAsync(TestScenario.Document()))
        {
            var list = await CallAsync(host, HttpMethod.Get, "sapi/v1/sub-account/list", "limit=200");
            Assert.Equal(["alice@example.com", "bob@example.com", email],
                list.Json.GetProperty("subAccounts").EnumerateArray().Select(r => r.GetProperty("email").GetString()));
            var status = await CallAsync(host, HttpMethod.Get, "sapi/v1/sub-account/status", $"email={Uri.EscapeDataString(email)}");
            Assert.True(status.Json[0].GetProperty("isFutureEnabled").GetBoolean());
            Assert.Empty(host.Audit());
        }
    }

    [Fact]
    public async Task The_same_state_derives_the_same_virtual_email()
    {
        await using var first = await StartAsync(TestScenario.Document(), file: false);
        await using var second = await StartAsync(TestScenario.Document(), file: false);
        var a = await CallAsync(first, HttpMethod.Post, "sapi/v1/sub-account/virtualSubAccount", "subAccountString=Same");
        var b = await CallAsync(second, HttpMethod.Post, "sapi/v1/sub-account/virtualSubAccount", "subAccountString=Same");
        Assert.Equal(a.Json.GetProperty("email").GetString(), b.Json.GetProperty("email").GetString());
        Assert.StartsWith("same_virtual@", a.Json.GetProperty("email").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("subAccountString=", "subAccountString")]
    [InlineData("subAccountString=a_b", "subAccountString")]
    [InlineData("subAccountString=abcdefghijklmnopqrstuvwxyz0123456", "subAccountString")]
    public async Task A_bad_virtual_sub_account_string_is_minus_1102(string query, string parameter)
    {
        await using var host = await StartAsync(TestScenario.Document(), file: false);
        var reply = await CallAsync(host, HttpMethod.Post, "sapi/v1/sub-account/virtualSubAccount", query);
        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal(-1102, reply.Json.GetProperty("code").GetInt32());
        Assert.Contains($"'{parameter}'", reply.Json.GetProperty("msg").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sub_account_key_gets_the_legacy_body_without_a_code()
    {
        await using var host = await StartAsync(TestScenario.Document(), file: false);
        var reply = await CallAsync(host, HttpMethod.Get, "sapi/v1/sub-account/list", "", TestScenario.AliceKey);
        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("""{"msg":"Sub-account function is not enabled.","success":false}""", reply.Json.GetRawText());
    }

    [Fact]
    public void The_new_scenario_sections_parse()
    {
        var doc = ScenarioDocument.Parse("""
            {"binance": {"master": "m@x.com",
              "subAccounts": [{"email": "a@x.com", "futures": true, "frozen": true, "remark": "desk"}],
              "prices": [{"symbol": "BTCUSDT", "price": "60000"}],
              "positions": [{"owner": "a@x.com", "symbol": "BTCUSDT", "side": "SHORT", "quantity": 1, "entryPrice": "1", "markPrice": "2"}],
              "deposits": [{"owner": "a@x.com", "coin": "USDT", "amount": "5", "txId": "t", "insertTime": 1}]}}
            """).Binance!;
        Assert.Equal((true, "desk"), (doc.SubAccounts[0].Frozen, doc.SubAccounts[0].Remark));
        Assert.Equal(60000m, doc.Prices["BTCUSDT"]);
        var position = Assert.Single(doc.Positions);
        Assert.Equal(("UM", "BOTH", "SHORT", 10), (position.FuturesType, position.PositionSide, position.Side, position.Leverage));
        var deposit = Assert.Single(doc.Deposits);
        Assert.Equal(("USDT", 1, (string?)null), (deposit.Network, deposit.Status, deposit.Address));
    }

    [Theory]
    [InlineData("""{"prices": [{"symbol": "btc", "price": "1"}]}""", "binance.prices[0].symbol")]
    [InlineData("""{"prices": [{"symbol": "BTCUSDT", "price": "0"}]}""", "binance.prices[0].price")]
    [InlineData("""{"positions": [{"owner": "b@x.com", "symbol": "BTCUSDT", "side": "LONG", "quantity": 1, "entryPrice": 1, "markPrice": 1}]}""", "binance.positions[0].owner")]
    [InlineData("""{"positions": [{"owner": "a@x.com", "symbol": "BTCUSDT", "side": "UP", "quantity": 1, "entryPrice": 1, "markPrice": 1}]}""", "binance.positions[0].side")]
    [InlineData("""{"positions": [{"owner": "a@x.com", "symbol": "BTCUSDT", "side": "LONG", "positionSide": "SHORT", "quantity": 1, "entryPrice": 1, "markPrice": 1}]}""", "binance.positions[0].positionSide")]
    [InlineData("""{"positions": [{"owner": "a@x.com", "symbol": "BTCUSDT", "side": "LONG", "quantity": -1, "entryPrice": 1, "markPrice": 1}]}""", "binance.positions[0].quantity")]
    [InlineData("""{"deposits": [{"owner": "a@x.com", "coin": "USDT", "amount": "5", "txId": "t"}]}""", "binance.deposits[0].insertTime")]
    [InlineData("""{"deposits": [{"owner": "a@x.com", "coin": "USDT", "amount": "5", "txId": "t", "insertTime": 1, "status": 3}]}""", "binance.deposits[0].status")]
    public void Bad_new_sections_name_the_field(string extra, string field)
    {
        var json = """{"binance": {"master": "m@x.com", "subAccounts": [{"email": "a@x.com", "futures": true}, {"email": "b@x.com"}], """
                   + extra[1..^1] + "}}";
        var e = Assert.Throws<ScenarioException>(() => ScenarioDocument.Parse(json));
        Assert.Contains($"'{field}'", e.Message, StringComparison.Ordinal);
    }
}

/// <summary>The IP-restriction endpoints refuse a bad list themselves (a client that does not check).</summary>
public sealed class SubAccountIpListTests
{
    [Theory]
    [InlineData("1.2.3")]
    [InlineData("10.0.0.0%2F8")]
    [InlineData("1.2.3.4%2Cexample.com")]
    public async Task A_bad_ip_list_is_minus_1100_and_changes_nothing(string ipAddress)
    {
        var clock = new FakeTimeProvider(Support.TestClock.Start);
        await using var host = await SimulatorHost.StartAsync(new SimulatorOptions { Scenario = Support.TestScenario.Document(), Time = clock });
        var query = $"email=alice%40example.com&subAccountApiKey=alice-key&status=2&ipAddress={ipAddress}&timestamp={clock.NowMs}";
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"sapi/v2/sub-account/subAccountApi/ipRestriction?{query}&signature={Support.TestScenario.HmacAll.Sign(query)}");
        request.Headers.Add("X-MBX-APIKEY", Support.TestScenario.HmacAll.ApiKey);
        using var response = await http.SendAsync(request);
        var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(-1100, body.GetProperty("code").GetInt32());
        Assert.Equal("Illegal characters found in parameter 'ipAddress'; legal range is 'IPv4 or IPv6 addresses separated by commas'.", body.GetProperty("msg").GetString());
    }
}

/// <summary>move-position refuses more than 10 orders itself (a client that does not check).</summary>
public sealed class MovePositionLimitTests
{
    [Theory]
    [InlineData(11, -1102, "'orderArgs' contains unexpected value. Cannot be greater than 10.")]
    [InlineData(0, -1102, "Mandatory parameter 'orderArgs' was not sent, was empty/null, or malformed.")]
    public async Task Too_many_or_no_orders_are_refused(int count, int code, string message)
    {
        var clock = new FakeTimeProvider(Support.TestClock.Start);
        await using var host = await SimulatorHost.StartAsync(new SimulatorOptions { Scenario = Support.TestScenario.Document(), Time = clock });
        var orders = string.Concat(Enumerable.Range(0, count).Select(i => $"&orderArgs%5B{i}%5D.symbol=BTCUSDT&orderArgs%5B{i}%5D.quantity=0.001&orderArgs%5B{i}%5D.positionSide=BOTH"));
        var body = $"fromUserEmail=alice%40example.com&toUserEmail=bob%40example.com&productType=UM{orders}&timestamp={clock.NowMs}";
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, "sapi/v1/sub-account/futures/move-position")
        {
            Content = new StringContent($"{body}&signature={Support.TestScenario.HmacAll.Sign(body)}", System.Text.Encoding.ASCII, "application/x-www-form-urlencoded"),
        };
        request.Headers.Add("X-MBX-APIKEY", Support.TestScenario.HmacAll.ApiKey);
        using var response = await http.SendAsync(request);
        var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal((code, message), (json.GetProperty("code").GetInt32(), json.GetProperty("msg").GetString()));
    }
}
