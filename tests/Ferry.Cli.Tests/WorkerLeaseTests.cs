using System.Diagnostics;
using System.Text.Json;
using Ferry.Cli.Tests.Support;
using Ferry.Simulator;
using Ferry.Simulator.Scenario;
using Ferry.Testing.Postgres;

namespace Ferry.Cli.Tests;

/// <summary>
/// The lease test with real processes on one PostgreSQL journal: worker A holds a unit whose move has committed on the
/// exchange but whose answer has not reached it yet, and is paused (SIGSTOP) past its lease; worker B takes the unit over,
/// reconciles the leg A left sending (the exchange's history shows it done) and finishes it; when A resumes (SIGCONT) its
/// writes are refused by the fencing token and nothing is sent twice. Every wait is on an observable event (the proxy saw
/// the move commit, a worker's output or exit), none on a timer.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class WorkerLeaseTests(PostgresServer server) : IAsyncLifetime, IDisposable
{
    private const string Master = "master@example.com";
    private const string TransferPath = "/sapi/v1/asset/transfer";
    private readonly PostgresDatabase _database = server.CreateDatabase();
    private readonly CliRun _cli = new();
    private readonly List<WorkerProcess> _started = [];
    private SimulatorHost _host = null!;
    private HoldingProxy _proxy = null!;

    public async Task InitializeAsync()
    {
        var scenario = ScenarioDocument.Parse($$$"""
            {"binance": {"master": "{{{Master}}}",
              "apiKeys": [{"owner": "{{{Master}}}", "apiKey": "lease-master-key", "secret": "lease-master-secret",
                "permissions": ["enableReading", "permitsUniversalTransfer"]}],
              "balances": [{"owner": "{{{Master}}}", "wallet": "SPOT", "asset": "USDT", "amount": "1000"}]}}
            """);
        _host = await SimulatorHost.StartAsync(new SimulatorOptions { Scenario = scenario });
        _proxy = await HoldingProxy.StartAsync(_host.BaseAddress, TransferPath);
        _cli.WriteAccounts($$"""
            {"accounts":[{"name":"main","environment":"sim","baseAddress":"{{_proxy.BaseAddress}}","apiKey":"lease-master-key","secret":"lease-master-secret","email":"{{Master}}"}]}
            """);
    }

    public async Task DisposeAsync()
    {
        foreach (var worker in _started) await worker.DisposeAsync();
        await _proxy.DisposeAsync();
        await _host.DisposeAsync();
    }

    public void Dispose()
    {
        _cli.Dispose();
        _database.Dispose();
    }

    [Fact]
    public async Task A_worker_paused_past_its_lease_is_taken_over_and_its_writes_are_refused_when_it_resumes()
    {
        var journal = new[] { "--journal", _database.Url() };
        Assert.Equal(0, (await _cli.RunAsync(["journal", "migrate", .. journal])).ExitCode);
        var queued = await _cli.RunAsync(["transfer", "7.25", "USDT", "--from", "spot", "--to", "funding", "--queue", "--json", .. journal]);
        Assert.True(queued.ExitCode == 0, queued.All);
        var unit = Assert.Single(JsonDocument.Parse(queued.Out).RootElement.GetProperty("units").EnumerateArray()).GetProperty("id").GetString()!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));

        // A takes the unit and sends the move; the simulator commits it; its answer is held, so A waits on the wire.
        var a = Start(["worker", "--until-empty", "--json", "--lease", "2", .. journal]);
        await _proxy.Committed.WaitAsync(timeout.Token);
        Signal(a.Process, "STOP");
        _proxy.Release(); // the answer waits in A's socket until A runs again

        // B finds the unit held by a live process: it takes it only once A's lease ran out, reconciles, and finishes it.
        var b = Start(["worker", "--until-empty", "--json", "--lease", "2", .. journal]);
        await b.Process.WaitForExitAsync(timeout.Token);
        Assert.True(b.Process.ExitCode == 0, b.All);
        Assert.Matches($@"took unit {unit} \(token \d+\) \(taken over: reconciling what its last holder left first\)", b.Errors);
        Assert.Equal("done", UnitState(b.Output, unit));

        // A resumes with its old token: the answer it reads and every write after it are refused; it sends nothing.
        Signal(a.Process, "CONT");
        await a.Process.WaitForExitAsync(timeout.Token);
        Assert.True(a.Process.ExitCode == 0, a.All);
        Assert.Contains($"lost unit {unit} (token ", a.Errors, StringComparison.Ordinal);
        Assert.Contains($"Work unit {unit} is no longer held by this worker (it is done now); nothing was written.", a.Errors, StringComparison.Ordinal);
        Assert.DoesNotContain($"\"unit\":\"{unit}\"", a.Output, StringComparison.Ordinal);

        // Exactly once: one POST ever reached the exchange, one move on its ledger, one journal entry, done.
        Assert.Equal(1, _proxy.Posts(TransferPath));
        Assert.Single(_host.History(), m => m.Asset == "USDT" && m.Amount == 7.25m);
        Assert.Empty(_host.Audit());
        var entries = JsonDocument.Parse((await _cli.RunAsync(["journal", "list", "--json", .. journal])).Out).RootElement.GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal("done", Assert.Single(entries).GetProperty("state").GetString());
        var status = JsonDocument.Parse((await _cli.RunAsync(["worker", "status", "--json", .. journal])).Out).RootElement;
        Assert.Equal((0, 0, 1), (status.GetProperty("queued").GetInt32(), status.GetProperty("running").GetInt32(), status.GetProperty("done").GetInt32()));
    }

    [Fact]
    public async Task A_lease_out_of_range_is_bad_input()
    {
        var run = await _cli.RunAsync("worker", "--lease", "0.01", "--journal", _database.Url());

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("ferry: --lease 0.01 is out of range; give 0.1 to 3600 seconds.", run.Error.Trim());
    }

    /// <summary>The state of <paramref name="unit"/> in a worker's JSON lines.</summary>
    private static string? UnitState(string output, string unit) => output.Split('\n').Where(l => l.StartsWith('{'))
        .Select(l => JsonDocument.Parse(l).RootElement)
        .Where(e => e.TryGetProperty("unit", out var u) && u.GetString() == unit)
        .Select(e => e.GetProperty("state").GetString()).SingleOrDefault();

    private static void Signal(Process process, string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", [$"-{signal}", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false })!;
        kill.WaitForExit();
        Assert.Equal(0, kill.ExitCode);
    }

    private WorkerProcess Start(string[] args)
    {
        var worker = WorkerProcess.Start(_cli.Home, args);
        _started.Add(worker);
        return worker;
    }
}
