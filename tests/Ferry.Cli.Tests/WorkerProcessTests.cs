using System.Diagnostics;
using System.Text.Json;
using Ferry.Simulator;
using Ferry.Simulator.Faults;
using Ferry.Simulator.Scenario;

namespace Ferry.Cli.Tests;

/// <summary>
/// The proof with processes: three real <c>ferry worker --until-empty</c> processes on one FERRY_HOME take thirty queued
/// moves from a started simulator; one is killed with SIGKILL midway. Every move executes exactly once on the simulator's
/// ledger and every unit ends done.
/// </summary>
public sealed class WorkerProcessTests : IAsyncLifetime, IDisposable
{
    private const string Master = "master@example.com";
    private const string Alice = "alice@example.com";
    private const string Bob = "bob@example.com";
    private const int Moves = 30;

    private readonly CliRun _cli = new();
    private readonly List<Process> _started = [];
    private SimulatorHost _host = null!;
    private IReadOnlyDictionary<string, decimal> _seeded = new Dictionary<string, decimal>();

    public async Task InitializeAsync()
    {
        var scenario = ScenarioDocument.Parse($$$"""
            {"binance": {
              "master": "{{{Master}}}",
              "subAccounts": [{"email": "{{{Alice}}}"}, {"email": "{{{Bob}}}"}],
              "apiKeys": [
                {"owner": "{{{Master}}}", "apiKey": "worker-master-key", "secret": "worker-master-secret",
                 "permissions": ["enableReading", "enableInternalTransfer", "permitsUniversalTransfer"]}],
              "balances": [{"owner": "{{{Master}}}", "wallet": "SPOT", "asset": "USDT", "amount": "100000"}]}}
            """);
        _host = await SimulatorHost.StartAsync(new SimulatorOptions { Scenario = scenario });
        _seeded = _host.Totals();
        _cli.WriteAccounts($$"""
            {"accounts":[{"name":"main","environment":"sim","baseAddress":"{{_host.BaseAddress}}","apiKey":"worker-master-key","secret":"worker-master-secret",
              "email":"{{Master}}","subAccounts":["{{Alice}}","{{Bob}}"]}]}
            """);
    }

    public async Task DisposeAsync()
    {
        foreach (var p in _started)
        {
            try
            {
                if (!p.HasExited) p.Kill(entireProcessTree: true);
                await p.WaitForExitAsync();
            }
            catch (InvalidOperationException)
            {
                // Never started or already reaped.
            }
            p.Dispose();
        }
        await _host.DisposeAsync();
    }

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Three_worker_processes_one_killed_midway_execute_every_queued_move_exactly_once()
    {
        for (var i = 1; i <= Moves; i++)
        {
            var queued = await _cli.RunAsync("transfer", i.ToString(System.Globalization.CultureInfo.InvariantCulture), "USDT", "--from", "spot", "--to", $"{(i % 2 == 0 ? Alice : Bob)}/spot", "--queue");
            Assert.True(queued.ExitCode == 0, queued.All);
        }
        // Every request answers slowly, so units are in flight when the kill comes.
        _host.Faults.Reset(FaultPlan.Parse("latency=1,latency-ms=150"), seed: 18);

        var workers = Enumerable.Range(0, 3).Select(_ => Start("worker", "--until-empty", "--concurrency", "2")).ToList();
        // SIGKILL the first worker once it has finished two units and holds another in flight (taken, not yet finished:
        // every request answers 150 ms late, so that unit is still on the wire when the kill lands).
        await workers[0].FinishedUnitsHoldingOne(2).WaitAsync(TimeSpan.FromMinutes(2));
        workers[0].Process.Kill();
        await workers[0].Process.WaitForExitAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        foreach (var w in workers.Skip(1))
        {
            await w.Process.WaitForExitAsync(timeout.Token);
            Assert.True(w.Process.ExitCode == 0, $"exit {w.Process.ExitCode}\n{w.Output}\n{w.Errors}");
        }
        _host.Faults.Reset(FaultPlan.None, seed: 0);

        // Exactly once on the exchange's own ledger: each amount moved once, none missing.
        var moved = _host.History().Where(m => m.Asset == "USDT").Select(m => m.Amount).Order().ToList();
        Assert.Equal(Enumerable.Range(1, Moves).Select(i => (decimal)i), moved);
        Assert.Empty(_host.Audit());
        Assert.Equal(_seeded, _host.Totals());
        var status = JsonDocument.Parse((await _cli.RunAsync("worker", "status", "--json")).Out).RootElement;
        Assert.Equal((0, 0, Moves), (status.GetProperty("queued").GetInt32(), status.GetProperty("running").GetInt32(), status.GetProperty("done").GetInt32()));
        // The kill left units held by the dead worker; the survivors took them over (at once: its process is provably gone).
        var survivorsLog = string.Join("\n", workers.Skip(1).Select(w => w.Errors));
        Assert.Contains("(taken over: reconciling what its last holder left first)", survivorsLog, StringComparison.Ordinal);
        var entries = JsonDocument.Parse((await _cli.RunAsync("journal", "list", "--json", "--limit", "1000")).Out).RootElement.GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal(Moves, entries.Count(e => e.GetProperty("state").GetString() == "done"));
        Assert.Equal(Moves, entries.Where(e => e.GetProperty("state").GetString() == "done").Select(e => e.GetProperty("unit").GetString()).Distinct().Count());
    }

    private Worker Start(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "ferry.dll"), .. args])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        start.Environment["FERRY_HOME"] = _cli.Home;
        var process = new Process { StartInfo = start };
        var worker = new Worker(process);
        process.OutputDataReceived += (_, e) => worker.OnOutput(e.Data);
        process.ErrorDataReceived += (_, e) => worker.OnError(e.Data);
        process.Start();
        _started.Add(process);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return worker;
    }

    /// <summary>A started worker process and what it printed: a line per finished unit on stdout, its log on stderr.</summary>
    private sealed class Worker(Process process)
    {
        private readonly Lock _gate = new();
        private readonly System.Text.StringBuilder _out = new();
        private readonly System.Text.StringBuilder _err = new();
        private readonly List<(int Count, TaskCompletionSource Reached)> _waits = [];
        private int _finished;
        private int _taken;

        public Process Process => process;

        public int Finished { get { lock (_gate) return _finished; } }

        public string Output { get { lock (_gate) return _out.ToString(); } }

        public string Errors { get { lock (_gate) return _err.ToString(); } }

        public void OnOutput(string? line)
        {
            if (line is null) return;
            lock (_gate)
            {
                _out.AppendLine(line);
                if (line.StartsWith('W')) _finished++;
                Release();
            }
        }

        public void OnError(string? line)
        {
            if (line is null) return;
            lock (_gate)
            {
                _err.AppendLine(line);
                if (line.Contains(": took unit ", StringComparison.Ordinal)) _taken++;
                Release();
            }
        }

        /// <summary>Completes once the worker has finished <paramref name="count"/> units and holds at least one more.</summary>
        public Task FinishedUnitsHoldingOne(int count)
        {
            lock (_gate)
            {
                var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _waits.Add((count, reached));
                Release();
                return reached.Task;
            }
        }

        private void Release()
        {
            foreach (var w in _waits.Where(w => _finished >= w.Count && _taken > _finished)) w.Reached.TrySetResult();
        }
    }
}
