using System.Net;
using System.Text;
using Ferry.Simulator.Tests.Support;
using Microsoft.Data.Sqlite;
using Ferry.Simulator.Scenario;

namespace Ferry.Simulator.Tests;

public sealed class PersistenceTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "ferry-sim-tests", Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _clock = new FakeTimeProvider(TestClock.Start);

    private string StatePath => Path.Combine(_dir, "state.db");

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    private Task<SimulatorHost> StartAsync(ScenarioDocument? scenario) =>
        SimulatorHost.StartAsync(new SimulatorOptions { Scenario = scenario, StatePath = StatePath, Time = _clock });

    private async Task<HttpStatusCode> TransferAsync(SimulatorHost host, string type, string amount)
    {
        var query = $"type={type}&asset=USDT&amount={amount}&timestamp={_clock.NowMs}";
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"sapi/v1/asset/transfer?{query}&signature={TestScenario.HmacAll.Sign(query)}");
        request.Headers.Add("X-MBX-APIKEY", TestScenario.HmacAll.ApiKey);
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    [Fact]
    public async Task A_move_survives_a_stop_and_start_and_the_scenario_only_seeds_a_new_file()
    {
        await using (var host = await StartAsync(TestScenario.Document()))
        {
            Assert.Equal(HttpStatusCode.OK, await TransferAsync(host, "MAIN_UMFUTURE", "40"));
            Assert.Empty(host.Audit());
        }

        // Started again with another scenario: the existing state wins.
        await using (var host = await StartAsync(ScenarioDocument.Demo()))
        {
            Assert.Equal(60m, host.Balances(TestScenario.Master).Single(b => b.Wallet == "SPOT" && b.Asset == "USDT").Amount);
            Assert.Equal(140m, host.Balances(TestScenario.Master).Single(b => b.Wallet == "USDT_FUTURE").Amount);
            Assert.Empty(host.Audit());
            Assert.Equal(TestScenario.SeededTotals(TestScenario.Document()).OrderBy(t => t.Key), host.Totals().OrderBy(t => t.Key));

            Assert.Equal(HttpStatusCode.OK, await TransferAsync(host, "UMFUTURE_MAIN", "15"));
            var history = await HistoryAsync(host, "MAIN_UMFUTURE");
            Assert.Contains("\"total\":1", history, StringComparison.Ordinal);
        }

        await using (var host = await StartAsync(null))
        {
            Assert.Equal(75m, host.Balances(TestScenario.Master).Single(b => b.Wallet == "SPOT" && b.Asset == "USDT").Amount);
            Assert.Empty(host.Audit());
        }
    }

    private async Task<string> HistoryAsync(SimulatorHost host, string type)
    {
        var query = $"type={type}&timestamp={_clock.NowMs}";
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, $"sapi/v1/asset/transfer?{query}&signature={TestScenario.HmacAll.Sign(query)}");
        request.Headers.Add("X-MBX-APIKEY", TestScenario.HmacAll.ApiKey);
        using var response = await http.SendAsync(request);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task Transfer_ids_keep_increasing_across_restarts()
    {
        await using (var host = await StartAsync(TestScenario.Document()))
        {
            await TransferAsync(host, "MAIN_FUNDING", "1");
        }
        await using (var host = await StartAsync(null))
        {
            await TransferAsync(host, "MAIN_FUNDING", "1");
            Assert.Empty(host.Audit());
        }
        using var connection = new SqliteConnection($"Data Source={StatePath};Pooling=False");
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT count(DISTINCT id) FROM moves";
        Assert.Equal(2L, (long)cmd.ExecuteScalar()!);
    }

    [Fact]
    public async Task A_state_file_from_a_newer_format_is_refused()
    {
        await using (var host = await StartAsync(TestScenario.Document()))
        {
        }
        using (var connection = new SqliteConnection($"Data Source={StatePath};Pooling=False"))
        {
            connection.Open();
            using var cmd = connection.CreateCommand();
            cmd.CommandText = "UPDATE meta SET value = '99' WHERE key = 'format_version'";
            cmd.ExecuteNonQuery();
        }

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync(null));
        Assert.Contains("newer", e.Message, StringComparison.Ordinal);
        Assert.Contains("format 99", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_that_is_not_state_is_refused()
    {
        Directory.CreateDirectory(_dir);
        await File.WriteAllTextAsync(StatePath, "not a database at all, just text", Encoding.ASCII);
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync(null));
        Assert.Contains("not a Ferry simulator state file", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_scenario_and_no_state_is_an_empty_simulator()
    {
        await using var host = await SimulatorHost.StartAsync(new SimulatorOptions { Time = _clock });
        Assert.Empty(host.Balances());
        Assert.Empty(host.Totals());
        Assert.Empty(host.Audit());
        Assert.Equal("127.0.0.1", host.BaseAddress.Host);
        Assert.NotEqual(0, host.BaseAddress.Port);
    }
}
