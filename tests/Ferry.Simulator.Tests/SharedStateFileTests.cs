using System.Globalization;
using System.Net;
using System.Text;
using Ferry.Simulator.Tests.Support;
using Ferry.Simulator.Scenario;

namespace Ferry.Simulator.Tests;

/// <summary>
/// Two simulator hosts on one state file, each with its own connection: the model of two ferry processes sharing one
/// FERRY_HOME. Every move must commit exactly once, both hosts must see the same state, and contention never answers 500.
/// </summary>
public sealed class SharedStateFileTests : IDisposable
{
    private const string Master = TestScenario.Master;
    private const string Alice = TestScenario.Alice;

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "ferry-sim-tests", Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _clock = new FakeTimeProvider(TestClock.Start);

    private string StatePath => Path.Combine(_dir, "state.db");

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    private Task<SimulatorHost> StartAsync(ScenarioDocument? scenario) =>
        SimulatorHost.StartAsync(new SimulatorOptions { Scenario = scenario, StatePath = StatePath, Time = _clock });

    [Fact]
    public async Task Two_hosts_on_one_file_commit_every_concurrent_move_exactly_once_and_agree_on_the_result()
    {
        const int perHost = 200;
        await using var first = await StartAsync(TestScenario.Document());
        await using var second = await StartAsync(TestScenario.Document());
        using var firstHttp = new HttpClient { BaseAddress = first.BaseAddress };
        using var secondHttp = new HttpClient { BaseAddress = second.BaseAddress };

        // Per host: every other move is a sub-account universal transfer to alice, the rest alternate between
        // spot -> USDT-M futures and back, so every move succeeds whatever the interleaving and the end state is exact.
        Task<Sent> Move(HttpClient http, string host, int i) => (i % 4) switch
        {
            0 or 2 => SendAsync(http, "sapi/v1/sub-account/universalTransfer",
                ("toEmail", Alice), ("fromAccountType", "SPOT"), ("toAccountType", "SPOT"),
                ("clientTranId", $"{host}-{i}"), ("asset", "USDT"), ("amount", "0.01")),
            1 => SendAsync(http, "sapi/v1/asset/transfer", ("type", "MAIN_UMFUTURE"), ("asset", "USDT"), ("amount", "0.1")),
            _ => SendAsync(http, "sapi/v1/asset/transfer", ("type", "UMFUTURE_MAIN"), ("asset", "USDT"), ("amount", "0.1")),
        };
        var sent = await Task.WhenAll(Enumerable.Range(0, perHost).SelectMany(i => new[]
        {
            Task.Run(() => Move(firstHttp, "a", i)),
            Task.Run(() => Move(secondHttp, "b", i)),
        }));

        Assert.All(sent, s => Assert.True(s.Status == HttpStatusCode.OK, $"{s.Status}: {s.Body}"));
        var ids = sent.Select(s => s.TranId).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());

        foreach (var host in new[] { first, second })
        {
            var history = host.History();
            Assert.Equal(2 * perHost, history.Count);
            Assert.Equal(ids.Order(), history.Select(m => m.Id).Order());
            Assert.Empty(host.Audit());
            Assert.Equal(TestScenario.SeededTotals(TestScenario.Document()).OrderBy(t => t.Key), host.Totals().OrderBy(t => t.Key));
            // 2 x 100 sub-account moves of 0.01; spot -> futures and back cancel out (50 each way per host).
            Assert.Equal(98m, Amount(host, Master, "SPOT"));
            Assert.Equal(100m, Amount(host, Master, "USDT_FUTURE"));
            Assert.Equal(502m, Amount(host, Alice, "SPOT"));
        }
        Assert.Equal(first.Balances(), second.Balances());
        Assert.Equal(first.History(), second.History());
    }

    [Fact]
    public async Task Two_hosts_creating_one_new_file_at_once_seed_it_once_and_see_each_others_moves()
    {
        var hosts = await Task.WhenAll(Task.Run(() => StartAsync(TestScenario.Document())), Task.Run(() => StartAsync(TestScenario.Document())));
        await using var first = hosts[0];
        await using var second = hosts[1];
        using var firstHttp = new HttpClient { BaseAddress = first.BaseAddress };

        Assert.Equal(first.Balances(), second.Balances());
        Assert.Equal(TestScenario.SeededTotals(TestScenario.Document()).OrderBy(t => t.Key), second.Totals().OrderBy(t => t.Key));

        var sent = await SendAsync(firstHttp, "sapi/v1/asset/transfer", ("type", "MAIN_FUNDING"), ("asset", "USDT"), ("amount", "7"));

        Assert.Equal(HttpStatusCode.OK, sent.Status);
        Assert.Equal(107m, Amount(second, Master, "FUNDING"));
        Assert.Equal(sent.TranId, second.History().Single().Id);
    }

    [Fact]
    public async Task A_host_reads_a_move_another_host_made_through_its_own_history_endpoint()
    {
        await using var first = await StartAsync(TestScenario.Document());
        await using var second = await StartAsync(null);
        using var firstHttp = new HttpClient { BaseAddress = first.BaseAddress };
        using var secondHttp = new HttpClient { BaseAddress = second.BaseAddress };

        var sent = await SendAsync(firstHttp, "sapi/v1/asset/transfer", ("type", "MAIN_FUNDING"), ("asset", "USDT"), ("amount", "3"));
        var history = await SendAsync(secondHttp, "sapi/v1/asset/transfer", HttpMethod.Get, ("type", "MAIN_FUNDING"));

        Assert.Equal(HttpStatusCode.OK, history.Status);
        Assert.Contains($"\"tranId\":{sent.TranId}", history.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_write_that_cannot_have_the_lock_in_time_answers_server_busy_and_moves_nothing_while_reads_go_on()
    {
        await using var host = await SimulatorHost.StartAsync(new SimulatorOptions
        {
            Scenario = TestScenario.Document(), StatePath = StatePath, Time = _clock, StateLockTimeout = TimeSpan.FromMilliseconds(200),
        });
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        using (var other = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={StatePath};Pooling=False"))
        {
            other.Open();
            using var hold = other.CreateCommand();
            hold.CommandText = "BEGIN IMMEDIATE";
            hold.ExecuteNonQuery();

            var busy = await SendAsync(http, "sapi/v1/asset/transfer", ("type", "MAIN_FUNDING"), ("asset", "USDT"), ("amount", "5"));
            var read = await SendAsync(http, "sapi/v1/asset/transfer", HttpMethod.Get, ("type", "MAIN_FUNDING"));

            Assert.Equal(HttpStatusCode.ServiceUnavailable, busy.Status);
            Assert.Equal("{\"code\":-1004,\"msg\":\"Server is busy, please wait and try again\"}", busy.Body);
            Assert.Equal(HttpStatusCode.OK, read.Status);
            hold.CommandText = "ROLLBACK";
            hold.ExecuteNonQuery();
        }

        var after = await SendAsync(http, "sapi/v1/asset/transfer", ("type", "MAIN_FUNDING"), ("asset", "USDT"), ("amount", "5"));

        Assert.Equal(HttpStatusCode.OK, after.Status);
        Assert.Equal(105m, Amount(host, Master, "FUNDING"));
        Assert.Single(host.History());
    }

    private static decimal Amount(SimulatorHost host, string owner, string wallet) =>
        host.Balances(owner).Where(b => b.Wallet == wallet && b.Asset == "USDT").Sum(b => b.Amount);

    private Task<Sent> SendAsync(HttpClient http, string path, params (string Name, string Value)[] ps) =>
        SendAsync(http, path, HttpMethod.Post, ps);

    private async Task<Sent> SendAsync(HttpClient http, string path, HttpMethod method, params (string Name, string Value)[] ps)
    {
        var payload = string.Join('&', ps.Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value)}"))
            + $"&timestamp={_clock.NowMs.ToString(CultureInfo.InvariantCulture)}";
        using var request = new HttpRequestMessage(method, $"{path}?{payload}&signature={TestScenario.HmacAll.Sign(payload)}");
        request.Headers.Add("X-MBX-APIKEY", TestScenario.HmacAll.ApiKey);
        using var response = await http.SendAsync(request);
        var body = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());
        long id = 0;
        if (response.StatusCode == HttpStatusCode.OK && method == HttpMethod.Post)
        {
            using var doc = System.Text.Json.JsonDocument.Parse(body);
            id = doc.RootElement.GetProperty("tranId").GetInt64();
        }
        return new Sent(response.StatusCode, body, id);
    }

    private sealed record Sent(HttpStatusCode Status, string Body, long TranId);
}
