using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Ferry.Simulator.Tests.Support;
using Ferry.Simulator.Scenario;

namespace Ferry.Simulator.Tests;

/// <summary>Managed sub-accounts in the simulator: the scenario section, the wire oddities as documented, and a
/// scheduled withdrawal that survives a restart and runs exactly once.</summary>
public sealed class ManagedSubAccountSimulatorTests : IDisposable
{
    private const string Scenario = """
        {"binance": {"master": "master@example.com",
          "managedSubAccounts": [{"email": "fund@example.com", "tradingTeam": "team@example.com", "futures": true}],
          "apiKeys": [
            {"owner": "master@example.com", "apiKey": "m-key", "secret": "m-secret", "permissions": ["enableReading", "enableInternalTransfer"]},
            {"owner": "team@example.com", "apiKey": "t-key", "secret": "t-secret", "permissions": ["enableReading"]}],
          "balances": [{"owner": "fund@example.com", "wallet": "SPOT", "asset": "USDT", "amount": "100"}]}}
        """;

    private static readonly TestSigner Master = TestSigner.Hmac("m-key", "m-secret");
    private readonly string _dir = Directory.CreateTempSubdirectory("ferry-managed-").FullName;
    private readonly FakeTimeProvider _clock = new FakeTimeProvider(TestClock.Start);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private Task<SimulatorHost> StartAsync(string? statePath = null) => SimulatorHost.StartAsync(new SimulatorOptions
    {
        Scenario = ScenarioDocument.Parse(Scenario), StatePath = statePath, Time = _clock,
    });

    private async Task<(int Status, JsonElement Json)> SendAsync(SimulatorHost host, HttpMethod method, string path, params (string Name, string Value)[] parameters)
    {
        var query = string.Join('&', parameters.Append(("timestamp", _clock.NowMs.ToString(CultureInfo.InvariantCulture)))
            .Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2)}"));
        query += "&signature=" + Master.Sign(query);
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        using var request = new HttpRequestMessage(method, method == HttpMethod.Get ? $"{path}?{query}" : path);
        request.Headers.TryAddWithoutValidation("X-MBX-APIKEY", Master.ApiKey);
        if (method != HttpMethod.Get)
        {
            request.Content = new ByteArrayContent(Encoding.ASCII.GetBytes(query));
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        }
        using var response = await http.SendAsync(request);
        return ((int)response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    [Fact]
    public async Task The_sub_account_list_marks_managed_sub_accounts_and_only_them()
    {
        var withPlain = Scenario.Replace("\"managedSubAccounts\"", "\"subAccounts\": [{\"email\": \"plain@example.com\"}],\n  \"managedSubAccounts\"", StringComparison.Ordinal);
        await using var host = await SimulatorHost.StartAsync(new SimulatorOptions { Scenario = ScenarioDocument.Parse(withPlain), Time = _clock });

        var list = await SendAsync(host, HttpMethod.Get, "sapi/v1/sub-account/list", ("limit", "200"));

        Assert.Equal(200, list.Status);
        var flags = list.Json.GetProperty("subAccounts").EnumerateArray()
            .ToDictionary(a => a.GetProperty("email").GetString()!, a => a.GetProperty("isManagedSubAccount").GetBoolean());
        Assert.Equal(new Dictionary<string, bool> { ["fund@example.com"] = true, ["plain@example.com"] = false }, flags);
    }

    [Fact]
    public async Task The_two_code_oddities_are_on_the_wire_as_documented()
    {
        await using var host = await StartAsync();
        var futures = await SendAsync(host, HttpMethod.Get, "sapi/v1/managed-subaccount/fetch-future-asset", ("email", "fund@example.com"));
        Assert.Equal((200, JsonValueKind.String, "200"), (futures.Status, futures.Json.GetProperty("code").ValueKind, futures.Json.GetProperty("code").GetString()));
        Assert.Equal(JsonValueKind.Number, futures.Json.GetProperty("snapshotVos")[0].GetProperty("updateTime").ValueKind);
        var snapshot = await SendAsync(host, HttpMethod.Get, "sapi/v1/managed-subaccount/accountSnapshot", ("email", "fund@example.com"), ("type", "SPOT"));
        Assert.Equal((200, JsonValueKind.Number, 200), (snapshot.Status, snapshot.Json.GetProperty("code").ValueKind, snapshot.Json.GetProperty("code").GetInt32()));
        Assert.Equal("", snapshot.Json.GetProperty("msg").GetString());
    }

    [Fact]
    public async Task A_scheduled_withdrawal_survives_a_restart_and_runs_once()
    {
        var state = Path.Combine(_dir, "state.db");
        var date = new DateTimeOffset(_clock.GetUtcNow().UtcDateTime.Date.AddDays(2), TimeSpan.Zero);
        long tranId;
        await using (var host = await StartAsync(state))
        {
            var reply = await SendAsync(host, HttpMethod.Post, "sapi/v1/managed-subaccount/withdraw",
                ("fromEmail", "fund@example.com"), ("asset", "USDT"), ("amount", "60"), ("transferDate", date.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)));
            Assert.Equal(200, reply.Status);
            tranId = reply.Json.GetProperty("tranId").GetInt64();
        }
        _clock.Advance(TimeSpan.FromDays(3));
        await using (var host = await StartAsync(state))
        {
            Assert.Equal(1, host.RunScheduledWork());
            Assert.Equal(0, host.RunScheduledWork());
            Assert.Equal(60m, host.Balances("master@example.com").Single(b => b.Wallet == "SPOT").Amount);
            Assert.Empty(host.Audit());
        }
        await using (var host = await StartAsync(state))
        {
            Assert.Equal(0, host.RunScheduledWork());
            Assert.Equal(40m, host.Balances("fund@example.com").Single(b => b.Wallet == "SPOT").Amount);
            var log = await SendAsync(host, HttpMethod.Get, "sapi/v1/managed-subaccount/queryTransLogForInvestor", ("email", "fund@example.com"),
                ("startTime", _clock.GetUtcNow().AddDays(-5).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)),
                ("endTime", _clock.NowMs.ToString(CultureInfo.InvariantCulture)), ("page", "1"), ("limit", "10"));
            var row = Assert.Single(log.Json.GetProperty("managerSubTransferHistoryVos").EnumerateArray());
            Assert.Equal((tranId, date.ToUnixTimeMilliseconds()), (row.GetProperty("tranId").GetInt64(), row.GetProperty("scheduledData").GetInt64()));
        }
    }

    [Fact]
    public async Task Missing_required_log_parameters_and_a_window_over_half_a_year_are_refused()
    {
        await using var host = await StartAsync();
        var missing = await SendAsync(host, HttpMethod.Get, "sapi/v1/managed-subaccount/queryTransLogForInvestor", ("email", "fund@example.com"), ("startTime", "1"), ("endTime", "2"), ("page", "1"));
        Assert.Equal((400, -1102), (missing.Status, missing.Json.GetProperty("code").GetInt32()));
        var wide = await SendAsync(host, HttpMethod.Get, "sapi/v1/managed-subaccount/queryTransLogForInvestor", ("email", "fund@example.com"),
            ("startTime", "0"), ("endTime", (184L * 86_400_000).ToString(CultureInfo.InvariantCulture)), ("page", "1"), ("limit", "1"));
        Assert.Equal((400, -1127), (wide.Status, wide.Json.GetProperty("code").GetInt32()));
        var bad = await SendAsync(host, HttpMethod.Get, "sapi/v1/managed-subaccount/accountSnapshot", ("email", "fund@example.com"), ("type", "OPTIONS"));
        Assert.Equal(-1102, bad.Json.GetProperty("code").GetInt32());
    }

    [Fact]
    public void The_scenario_section_parses_and_managed_sub_accounts_are_ledger_users()
    {
        var doc = ScenarioDocument.Parse(Scenario).Binance!;
        var fund = Assert.Single(doc.ManagedSubAccounts);
        Assert.Equal(("fund@example.com", "team@example.com", true, false), (fund.Email, fund.TradingTeam, fund.Futures, fund.Margin));
        Assert.Empty(ScenarioDocument.Parse("""{"binance": {"master": "m@x.com"}}""").Binance!.ManagedSubAccounts);
    }

    [Theory]
    [InlineData("""{"binance": {"master": "m@x.com", "managedSubAccounts": [{"email": "f@x.com"}]}}""", "binance.managedSubAccounts[0].tradingTeam")]
    [InlineData("""{"binance": {"master": "m@x.com", "managedSubAccounts": [{"email": "m@x.com", "tradingTeam": "t@x.com"}]}}""", "binance.managedSubAccounts[0].email")]
    [InlineData("""{"binance": {"master": "m@x.com", "managedSubAccounts": [{"email": "f@x.com", "tradingTeam": "m@x.com"}]}}""", "binance.managedSubAccounts")]
    [InlineData("""{"binance": {"master": "m@x.com", "managedSubAccounts": [{"email": "f@x.com", "tradingTeam": "t@x.com", "spot": true}]}}""", "binance.managedSubAccounts[0].spot")]
    [InlineData("""{"binance": {"master": "m@x.com", "managedSubAccounts": [{"email": "f@x.com", "tradingTeam": "t@x.com"}], "balances": [{"owner": "t@x.com", "wallet": "SPOT", "asset": "USDT", "amount": "1"}]}}""", "binance.balances[0].owner")]
    [InlineData("""{"binance": {"master": "m@x.com", "managedSubAccounts": [{"email": "f@x.com", "tradingTeam": "t@x.com"}], "positions": [{"owner": "f@x.com", "symbol": "BTCUSDT", "side": "LONG", "quantity": "1", "entryPrice": "1", "markPrice": "1"}]}}""", "binance.positions[0].owner")]
    public void A_bad_managed_section_names_the_field(string json, string field)
    {
        var e = Assert.Throws<ScenarioException>(() => ScenarioDocument.Parse(json));
        Assert.Contains($"'{field}'", e.Message);
    }
}
