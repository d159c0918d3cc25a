using System.Text.Json;
using Ferry.Simulator;
using Ferry.Simulator.Scenario;
using Ferry.Testing.Postgres;

namespace Ferry.Cli.Tests;

/// <summary>
/// The work queue in a PostgreSQL journal from the command line: moves queued with <c>--journal postgres://...</c> are run
/// by <c>ferry worker --until-empty</c> on the same journal, each exactly once on the simulator's ledger, and the units and
/// their journal entries live in the database, not in FERRY_HOME's file.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresQueueCliTests(PostgresServer server) : IAsyncLifetime, IDisposable
{
    private const string Master = "master@example.com";
    private readonly CliRun _cli = new();
    private readonly PostgresDatabase _database = server.CreateDatabase();
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

    public void Dispose()
    {
        _cli.Dispose();
        _database.Dispose();
    }

    private decimal Funding => _host!.Balances(Master).Where(b => b.Wallet == "FUNDING" && b.Asset == "USDT").Sum(b => b.Amount);

    private async Task<JsonElement> StatusAsync(params string[] journal) =>
        JsonDocument.Parse((await _cli.RunAsync(["worker", "status", "--json", .. journal])).Out).RootElement;

    [Fact]
    public async Task Moves_queued_on_a_postgres_journal_are_run_by_a_worker_on_it_each_exactly_once()
    {
        var journal = new[] { "--journal", _database.Url() };
        Assert.Equal(0, (await _cli.RunAsync(["journal", "migrate", .. journal])).ExitCode);
        var before = Funding;
        var amounts = new[] { 1.25m, 2m, 4.5m };
        var units = new List<string>();
        foreach (var amount in amounts)
        {
            var queued = await _cli.RunAsync(["transfer", amount.ToString(System.Globalization.CultureInfo.InvariantCulture), "USDT", "--from", "spot", "--to", "funding",
                "--queue", "--confirm", "--json", .. journal]);
            Assert.True(queued.ExitCode == 0, queued.All);
            units.Add(Assert.Single(JsonDocument.Parse(queued.Out).RootElement.GetProperty("units").EnumerateArray()).GetProperty("id").GetString()!);
        }
        Assert.Equal(before, Funding);
        Assert.Equal(3, (await StatusAsync(journal)).GetProperty("queued").GetInt32());
        Assert.Equal(0, (await StatusAsync()).GetProperty("queued").GetInt32());

        var worked = await _cli.RunAsync(["worker", "--until-empty", "--json", .. journal]);

        Assert.True(worked.ExitCode == 0, worked.All);
        Assert.DoesNotContain(server.Password, worked.All, StringComparison.Ordinal);
        Assert.Equal(3, JsonDocument.Parse(worked.Out.TrimEnd().Split('\n')[^1]).RootElement.GetProperty("done").GetInt32());
        Assert.Equal(before + amounts.Sum(), Funding);
        var entries = JsonDocument.Parse((await _cli.RunAsync(["journal", "list", "--json", .. journal])).Out).RootElement.GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal(units.Order(), entries.Select(e => e.GetProperty("unit").GetString()!).Order());
        Assert.All(entries, e => Assert.Equal("done", e.GetProperty("state").GetString()));
        var status = await StatusAsync(journal);
        Assert.Equal((0, 3), (status.GetProperty("queued").GetInt32(), status.GetProperty("done").GetInt32()));

        var again = await _cli.RunAsync(["worker", "--until-empty", "--json", .. journal]);
        Assert.True(again.ExitCode == 0, again.All);
        Assert.Equal(before + amounts.Sum(), Funding);
    }
}
