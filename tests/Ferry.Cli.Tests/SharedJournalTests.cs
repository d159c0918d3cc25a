using System.Text.Json;
using Ferry.Simulator;
using Ferry.Simulator.Faults;
using Ferry.Simulator.Scenario;

namespace Ferry.Cli.Tests;

/// <summary>
/// Several ferry commands at once on one FERRY_HOME (one journal), as a person at the CLI and an agent's MCP server, or
/// two scripts, run them. Each in-process run opens the journal as its own owner, exactly as another process does.
/// </summary>
public sealed class SharedJournalTests : IAsyncLifetime, IDisposable
{
    private const string Master = "master@example.com";
    private const string Bob = "bob@example.com";

    private readonly CliRun _cli = new();
    private SimulatorHost _host = null!;
    private IReadOnlyDictionary<string, decimal> _seeded = new Dictionary<string, decimal>();

    public async Task InitializeAsync()
    {
        var scenario = ScenarioDocument.Parse($$$"""
            {"binance": {
              "master": "{{{Master}}}",
              "subAccounts": [{"email": "{{{Bob}}}", "margin": true}],
              "apiKeys": [
                {"owner": "{{{Master}}}", "apiKey": "shared-master-key", "secret": "shared-master-secret",
                 "permissions": ["enableReading", "enableInternalTransfer", "enableSpotAndMarginTrading", "permitsUniversalTransfer"]}],
              "balances": [
                {"owner": "{{{Master}}}", "wallet": "SPOT", "asset": "USDT", "amount": "100000"},
                {"owner": "{{{Master}}}", "wallet": "MARGIN", "asset": "USDT", "amount": "1000"}]}}
            """);
        _host = await SimulatorHost.StartAsync(new SimulatorOptions { Scenario = scenario });
        _seeded = _host.Totals();
        _cli.WriteAccounts($$"""
            {"accounts":[{"name":"main","environment":"sim","baseAddress":"{{_host.BaseAddress}}","apiKey":"shared-master-key","secret":"shared-master-secret",
              "email":"{{Master}}","subAccounts":["{{Bob}}"]}]}
            """);
    }

    public async Task DisposeAsync()
    {
        try
        {
            Assert.Empty(_host.Audit());
            Assert.Equal(_seeded, _host.Totals());
        }
        finally
        {
            await _host.DisposeAsync();
        }
    }

    public void Dispose() => _cli.Dispose();

    private decimal Balance(string owner, string wallet) =>
        _host.Balances(owner).Where(b => b.Wallet == wallet && b.Asset == "USDT").Sum(b => b.Amount);

    private static JsonElement Json(CliRun.Result result) => JsonDocument.Parse(result.Out).RootElement;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Two_resumes_of_one_route_at_once_move_the_money_once_and_the_loser_sends_nothing(int seed)
    {
        // Bob has no futures yet: leg 2 (master's usdm → bob's usdm) is refused and the route stops halfway.
        var stopped = await _cli.RunAsync("transfer", "7", "USDT", "--from", "margin", "--to", $"{Bob}/usdm");
        Assert.True(stopped.ExitCode == 1, stopped.All);
        var enable = await _cli.RunAsync("sub", "enable-futures", Bob);
        Assert.True(enable.ExitCode == 0, enable.All);

        // Every request answers slowly, so the two resumes overlap.
        _host.Faults.Reset(FaultPlan.Parse("latency=1,latency-ms=300"), seed);
        var runs = await Task.WhenAll(_cli.RunAsync("journal", "resume", "latest"), _cli.RunAsync("journal", "resume", "latest"));
        _host.Faults.Reset(FaultPlan.None, 0);

        Assert.Contains(runs, r => r.ExitCode == 0);
        Assert.All(runs, r => Assert.True(r.ExitCode is 0 or 4 or 5, r.All));
        foreach (var loser in runs.Where(r => r.ExitCode == 5))
            Assert.Matches(@"ferry: Route R\S+ is being worked on by another ferry \(pid \d+ on .+\); nothing was sent\.", loser.Error);
        Assert.Equal(7m, Balance(Bob, "USDT_FUTURE"));
        var atLegTwo = Json(await _cli.RunAsync("journal", "list", "--json")).GetProperty("entries").EnumerateArray()
            .Where(e => e.GetProperty("routeLeg").ValueKind == JsonValueKind.Number && e.GetProperty("routeLeg").GetInt32() == 2)
            .Select(e => e.GetProperty("state").GetString()).Order().ToList();
        Assert.Equal(["done", "rejected"], atLegTwo);
    }

    [Fact]
    public async Task Two_transfers_at_once_never_reconcile_each_others_live_entries()
    {
        const int pairs = 10;
        var codes = new List<int>();
        for (var i = 0; i < pairs; i++)
        {
            _host.Faults.Reset(FaultPlan.Parse("latency=1,latency-ms=50"), seed: i);
            var runs = await Task.WhenAll(
                _cli.RunAsync("transfer", "1", "USDT", "--from", "spot", "--to", "funding", "--json"),
                _cli.RunAsync("transfer", "1", "USDT", "--from", "spot", "--to", "funding", "--json"));
            foreach (var r in runs)
            {
                Assert.True(r.ExitCode == 0, r.All);
                Assert.DoesNotContain("found in 'sending'", r.All);
                codes.Add(r.ExitCode);
            }
        }
        _host.Faults.Reset(FaultPlan.None, seed: 0);

        Assert.Equal(2 * pairs, codes.Count);
        Assert.Equal(2m * pairs, Balance(Master, "FUNDING"));
        var entries = Json(await _cli.RunAsync("journal", "list", "--json")).GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal(2 * pairs, entries.Count);
        Assert.All(entries, e => Assert.Equal("done", e.GetProperty("state").GetString()));
    }
}
