using System.Text.Json;
using Ferry.Simulator;
using Ferry.Simulator.Scenario;

namespace Ferry.Cli.Tests;

/// <summary>
/// <c>--queue</c> and <c>ferry worker</c> at the command line: consent stays at the front (a mainnet unit is queued only
/// once a person confirmed it, and the confirmation is recorded), bad input queues nothing, and a worker runs what was
/// queued through the same engine.
/// </summary>
public sealed class QueueCliTests : IAsyncLifetime, IDisposable
{
    private const string Master = "master@example.com";
    private readonly CliRun _cli = new();
    private SimulatorHost? _host;

    public async Task InitializeAsync()
    {
        _host = await SimulatorHost.StartAsync(new SimulatorOptions { Scenario = ScenarioDocument.Demo() });
        _cli.WriteAccounts($$"""{"accounts":[{"name":"main","environment":"mainnet","email":"{{Master}}","apiKey":"{{ScenarioDocument.DemoApiKey}}","secret":"{{ScenarioDocument.DemoSecret}}"}]}""");
        _cli.MainnetRedirect = _host.BaseAddress;
    }

    public async Task DisposeAsync()
    {
        if (_host is not null) await _host.DisposeAsync();
    }

    public void Dispose() => _cli.Dispose();

    private decimal Funding => _host!.Balances(Master).Where(b => b.Wallet == "FUNDING" && b.Asset == "USDT").Sum(b => b.Amount);

    private async Task<JsonElement> StatusAsync() => JsonDocument.Parse((await _cli.RunAsync("worker", "status", "--json")).Out).RootElement;

    [Fact]
    public async Task A_mainnet_move_is_queued_only_with_consent_and_a_worker_runs_it_without_asking()
    {
        var refused = await _cli.RunAsync("transfer", "10", "USDT", "--from", "spot", "--to", "funding", "--queue");
        Assert.Equal(4, refused.ExitCode);
        Assert.Contains("re-run with --confirm", refused.Error);
        Assert.Equal(0, (await StatusAsync()).GetProperty("queued").GetInt32());

        var before = Funding;
        var queued = await _cli.RunWithInputAsync("CONFIRM\n", "transfer", "10", "USDT", "--from", "spot", "--to", "funding", "--queue", "--json");
        Assert.True(queued.ExitCode == 0, queued.All);
        var unit = Assert.Single(JsonDocument.Parse(queued.Out).RootElement.GetProperty("units").EnumerateArray());
        Assert.True(unit.GetProperty("confirmed").GetBoolean());
        Assert.Equal(before, Funding);

        var worked = await _cli.RunAsync("worker", "--until-empty", "--json");
        Assert.True(worked.ExitCode == 0, worked.All);
        Assert.DoesNotContain("CONFIRM", worked.All);
        var lines = worked.Out.TrimEnd().Split('\n');
        var finished = JsonDocument.Parse(lines[0]).RootElement;
        Assert.Equal((unit.GetProperty("id").GetString(), "done"), (finished.GetProperty("unit").GetString(), finished.GetProperty("state").GetString()));
        Assert.Equal(1, JsonDocument.Parse(lines[^1]).RootElement.GetProperty("done").GetInt32());
        Assert.Equal(before + 10, Funding);
        Assert.Matches(@"worker \S+-\d+-[0-9a-f]{4}: took unit W\d{14}-[0-9a-f]{10} \(token \d+\)", worked.Error);
        var entry = Assert.Single(JsonDocument.Parse((await _cli.RunAsync("journal", "list", "--json")).Out).RootElement.GetProperty("entries").EnumerateArray());
        Assert.Equal(unit.GetProperty("id").GetString(), entry.GetProperty("unit").GetString());
        Assert.Equal(1, (await StatusAsync()).GetProperty("done").GetInt32());
    }

    [Theory]
    [InlineData("transfer", "-1", "USDT", "--from", "spot", "--to", "funding", "--queue", "--confirm")]
    [InlineData("transfer", "1.123456789", "USDT", "--from", "spot", "--to", "funding", "--queue", "--confirm")]
    [InlineData("transfer", "1", "USDT", "--from", "nowhere", "--to", "funding", "--queue", "--confirm")]
    [InlineData("transfer", "1", "USDT", "--from", "spot", "--to", "funding", "--queue", "--dry-run")]
    [InlineData("sweep", "USDT", "--to", "spot", "--queue", "--dry-run")]
    [InlineData("worker", "--concurrency", "0")]
    public async Task Bad_input_is_one_sentence_exit_2_and_queues_nothing(params string[] args)
    {
        var result = await _cli.RunAsync(args);

        Assert.True(result.ExitCode == 2, result.All);
        Assert.Single(result.Error.TrimEnd().Split('\n'));
        Assert.StartsWith("ferry: ", result.Error);
        var status = await StatusAsync();
        Assert.Equal(0, status.GetProperty("queued").GetInt32() + status.GetProperty("done").GetInt32());
    }
}
