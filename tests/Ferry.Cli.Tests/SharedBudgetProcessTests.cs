using System.Diagnostics;
using Ferry.Simulator;
using Ferry.Simulator.Binance;
using Ferry.Simulator.Scenario;
using Ferry.Testing.Postgres;
using Npgsql;

namespace Ferry.Cli.Tests;

/// <summary>
/// The shared UID budget with real processes: sixteen <c>ferry transfer</c> processes at once, one key, a simulator whose
/// UID budget holds ten universal transfers per window. On one PostgreSQL journal they reserve UID weight together, so
/// exactly ten moves are sent and the other six stop before sending, and the exchange never answers 429; on a SQLite
/// journal each process counts only its own weight, so all sixteen send and the exchange refuses six with 429.
/// The windows are an hour long (accounts.json <c>rateLimits.windowSeconds</c>) and the simulator's clock starts just
/// after an hour begins, so no window edge falls inside the test whenever it runs.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class SharedBudgetProcessTests(PostgresServer server) : IAsyncLifetime, IDisposable
{
    private const string Master = "master@example.com";
    private const int Processes = 16;
    private const int Budget = 3000; // ten universal transfers of UID weight 300
    private readonly PostgresDatabase _database = server.CreateDatabase();
    private readonly CliRun _cli = new();
    private SimulatorHost _host = null!;

    public async Task InitializeAsync()
    {
        var scenario = ScenarioDocument.Parse($$$"""
            {"binance": {"master": "{{{Master}}}",
              "apiKeys": [{"owner": "{{{Master}}}", "apiKey": "budget-master-key", "secret": "budget-master-secret",
                "permissions": ["enableReading", "permitsUniversalTransfer"]}],
              "balances": [{"owner": "{{{Master}}}", "wallet": "SPOT", "asset": "USDT", "amount": "1000"}]}}
            """);
        _host = await SimulatorHost.StartAsync(new SimulatorOptions
        {
            Scenario = scenario,
            Time = new ShiftedClock(new DateTimeOffset(2026, 12, 5, 12, 0, 0, 500, TimeSpan.Zero)),
            RateLimits = new SimRateLimits { UidWeightPerWindow = Budget, Window = TimeSpan.FromHours(1) },
        });
        _cli.WriteAccounts($$$"""
            {"accounts":[{"name":"main","environment":"sim","baseAddress":"{{{_host.BaseAddress}}}","apiKey":"budget-master-key","secret":"budget-master-secret",
              "email":"{{{Master}}}","rateLimits":{"uidWeight":{{{Budget}}},"windowSeconds":3600}}]}
            """);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    public void Dispose()
    {
        _cli.Dispose();
        _database.Dispose();
    }

    [Fact]
    public async Task Processes_on_one_postgres_journal_share_the_uid_budget_and_draw_no_429()
    {
        var journal = _database.Url();
        Assert.Equal(0, (await _cli.RunAsync("journal", "migrate", "--journal", journal)).ExitCode);

        var results = await TransfersAtOnce(journal);

        // Never a 429: together the processes reserved the whole window and not one unit of weight more.
        Assert.Equal(0, _host.Throttled);
        Assert.Equal(Budget, SharedUidWeight());
        var done = results.Count(r => r.Code == 0);
        Assert.Equal(done, Funding());
        // Ten when every request goes through at once; fewer only when a request the exchange refused for its timestamp
        // (-1021, on a loaded machine) was sent again under a second reservation: weight counted, never overspent.
        Assert.InRange(done, 1, Budget / 300);
        Assert.All(results.Where(r => r.Code != 0), r =>
        {
            Assert.True(r.Code == 4, r.All);
            Assert.Contains("for rate-limit budget", r.All, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task The_same_processes_on_a_sqlite_journal_count_alone_and_the_exchange_refuses_the_excess()
    {
        var results = await TransfersAtOnce(journal: null);

        // Each process sees only its own weight, so all sixteen send; the exchange takes ten and refuses the rest.
        Assert.True(_host.Throttled > 0, string.Join("\n", results.Select(r => $"{r.Code}: {r.All}")));
        Assert.Equal(Budget / 300, results.Count(r => r.Code == 0));
        Assert.Equal(Budget / 300, Funding());
    }

    private async Task<List<(int Code, string All)>> TransfersAtOnce(string? journal)
    {
        var ferryDll = Path.Combine(AppContext.BaseDirectory, "ferry.dll");
        var processes = Enumerable.Range(0, Processes).Select(_ =>
        {
            var start = new ProcessStartInfo("dotnet", [ferryDll, "transfer", "1", "USDT", "--from", "spot", "--to", "funding"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            start.Environment["FERRY_HOME"] = _cli.Home;
            if (journal is not null) start.Environment["FERRY_JOURNAL"] = journal;
            return Process.Start(start)!;
        }).ToList();
        var results = new List<(int, string)>();
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
            foreach (var p in processes)
            {
                var output = p.StandardOutput.ReadToEndAsync(timeout.Token);
                var error = p.StandardError.ReadToEndAsync(timeout.Token);
                await p.WaitForExitAsync(timeout.Token);
                results.Add((p.ExitCode, await output + await error));
            }
        }
        finally
        {
            foreach (var p in processes)
            {
                if (!p.HasExited) p.Kill(entireProcessTree: true);
                p.Dispose();
            }
        }

        return results;
    }

    private decimal Funding() => _host.Balances(Master).Where(b => b.Wallet == "FUNDING" && b.Asset == "USDT").Sum(b => b.Amount);

    private int SharedUidWeight()
    {
        using var connection = new NpgsqlConnection(_database.ConnectionString());
        connection.Open();
        using var command = new NpgsqlCommand("SELECT COALESCE(SUM(used), 0)::int FROM uid_weight;", connection);
        return (int)command.ExecuteScalar()!;
    }

    /// <summary>Real time moved to start at <paramref name="start"/>: the simulator's windows stay where the test put them.</summary>
    private sealed class ShiftedClock(DateTimeOffset start) : TimeProvider
    {
        private readonly TimeSpan _shift = start - TimeProvider.System.GetUtcNow();

        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + _shift;
    }
}
