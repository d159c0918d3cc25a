using System.Net;
using System.Text.Json;
using Ferry.Simulator.Tests.Support;

namespace Ferry.Simulator.Tests;

/// <summary>clientTranId stays unique per master across a stop and start from the SQLite state file.</summary>
public sealed class SubAccountPersistenceTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "ferry-sim-tests", Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _clock = new FakeTimeProvider(TestClock.Start);

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    private Task<SimulatorHost> StartAsync() => SimulatorHost.StartAsync(new SimulatorOptions
    {
        Scenario = TestScenario.Document(), StatePath = Path.Combine(_dir, "state.db"), Time = _clock,
    });

    private async Task<(HttpStatusCode Status, JsonElement Body)> UniversalAsync(SimulatorHost host, string clientTranId)
    {
        var body = $"toEmail=alice%40example.com&fromAccountType=SPOT&toAccountType=SPOT&clientTranId={clientTranId}&asset=USDT&amount=3&timestamp={_clock.NowMs}";
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, "sapi/v1/sub-account/universalTransfer")
        {
            Content = new StringContent($"{body}&signature={TestScenario.HmacAll.Sign(body)}", System.Text.Encoding.ASCII, "application/x-www-form-urlencoded"),
        };
        request.Headers.Add("X-MBX-APIKEY", TestScenario.HmacAll.ApiKey);
        using var response = await http.SendAsync(request);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, doc.RootElement.Clone());
    }

    [Fact]
    public async Task A_clientTranId_used_before_a_restart_is_still_refused_after_it()
    {
        await using (var host = await StartAsync())
        {
            Assert.Equal(HttpStatusCode.OK, (await UniversalAsync(host, "kept-across-restart")).Status);
        }

        await using (var host = await StartAsync())
        {
            var (status, body) = await UniversalAsync(host, "kept-across-restart");
            Assert.Equal(HttpStatusCode.BadRequest, status);
            Assert.Equal(-5010, body.GetProperty("code").GetInt32());
            Assert.Equal(503m, host.Balances(TestScenario.Alice).Single(b => b.Wallet == "SPOT" && b.Asset == "USDT").Amount);
            Assert.Empty(host.Audit());
        }
    }
}
