using System.Diagnostics;
using System.Globalization;
using Ferry.Cli.Output.Json;
using System.Threading.Channels;

namespace Ferry.Cli.Soak;

/// <summary>How a supervised soak runs: its worker processes, kills and bystanders.</summary>
internal sealed record SoakSupervision(int Count, double Rate, int Seed, int Processes, int KillEvery, Uri Simulator, string Home, string JournalPath);

/// <summary>What the supervised processes did: kills, restarts and every exit code seen, so an exit 70 cannot pass unseen.</summary>
internal sealed class SoakProcessTally
{
    private readonly Lock _gate = new();
    private readonly SortedDictionary<string, int> _exits = new(StringComparer.Ordinal);

    public int Kills { get; private set; }
    public int WorkersStarted { get; private set; }

    /// <summary>Exit 70 (an internal error) from any process, and MCP tool errors of kind "internal".</summary>
    public int Internal { get; private set; }

    public void Started()
    {
        lock (_gate) WorkersStarted++;
    }

    public void Killed()
    {
        lock (_gate) Kills++;
    }

    /// <summary>Records how one run of <paramref name="what"/> ended (an exit code, or an MCP tool error's kind).</summary>
    public void Ended(string what, string how)
    {
        lock (_gate)
        {
            var key = $"{what}:{how}";
            _exits[key] = _exits.GetValueOrDefault(key) + 1;
            if (how is "70" or "internal") Internal++;
        }
    }

    public override string ToString()
    {
        lock (_gate)
            return $"workers started: {WorkersStarted}; kills: {Kills}; exits: {string.Join(" ", _exits.Select(e => $"{e.Key}={e.Value}"))}; internal errors (exit 70): {Internal}";
    }
}

/// <summary>
/// Runs a soak in child processes on one journal: <see cref="SoakSupervision.Processes"/> workers drive the same intents
/// at once (each claims an intent before it drives it and starts at its own offset), a random worker is SIGKILLed about
/// every <see cref="SoakSupervision.KillEvery"/> settled intents and a new one takes its place; with several workers,
/// bystanders run beside them on the same FERRY_HOME: 'ferry journal reconcile' and 'ferry journal resume latest'
/// processes, and one 'ferry mcp' server that moves its own share of transfers and reconciles and resumes.
/// </summary>
internal sealed class SoakSupervisor(CliEnvironment env, SoakSupervision run, SoakProcessTally tally)
{
    private readonly Random _random = new(run.Seed ^ 0x5eed);
    private readonly Channel<WorkerEvent> _events = Channel.CreateUnbounded<WorkerEvent>();

    /// <summary>A line a worker printed, or (Line null) that it exited.</summary>
    private sealed record WorkerEvent(int Slot, string? Line);

    /// <summary>Runs until every worker has finished; returns after the bystanders have stopped.</summary>
    public async Task RunAsync(IReadOnlyList<SoakRunner.Intent> mcpIntents, CancellationToken ct)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var bystanders = run.Processes > 1
            ? new List<Task> { CliBystanderAsync(stop.Token), new SoakMcpDriver(env, run, tally).RunAsync(mcpIntents, stop.Token) }
            : [];
        try
        {
            await WorkersAsync(ct);
            // The MCP driver's own transfers are part of the soak: wait for them before stopping the CLI bystander.
            if (bystanders.Count > 0) await bystanders[1];
        }
        finally
        {
            await stop.CancelAsync();
            foreach (var task in bystanders)
            {
                try { await task; } catch (OperationCanceledException) { }
            }
        }
    }

    private async Task WorkersAsync(CancellationToken ct)
    {
        var workers = new Process?[run.Processes];
        var readers = new Task?[run.Processes];
        for (var slot = 0; slot < workers.Length; slot++) (workers[slot], readers[slot]) = Start(slot, ct);
        var nextKill = run.KillEvery > 0 ? NextKill() : int.MaxValue;
        var progressed = 0;
        var finished = new bool[run.Processes];
        try
        {
            await foreach (var (slot, line) in _events.Reader.ReadAllAsync(ct))
            {
                if (line == "worker finished")
                {
                    finished[slot] = true;
                }
                else if (line is null)
                {
                    var worker = workers[slot]!;
                    tally.Ended("worker", worker.ExitCode.ToString(CultureInfo.InvariantCulture));
                    if (!finished[slot] && worker.ExitCode is not (0 or 137 or -1))
                        throw CliException.Refused($"A soak worker exited with code {worker.ExitCode} (its error is on standard error above).");
                    worker.Dispose();
                    workers[slot] = null;
                    if (!finished[slot]) (workers[slot], readers[slot]) = Start(slot, ct); // killed: a new worker takes its place
                    if (finished.All(f => f)) return;
                }
                else if (line.StartsWith("progress ", StringComparison.Ordinal) && ++progressed >= nextKill)
                {
                    var victim = _random.Next(run.Processes);
                    if (!finished[victim] && workers[victim] is { HasExited: false } target)
                    {
                        target.Kill(); // SIGKILL on Unix: no cleanup runs, exactly like a crash.
                        tally.Killed();
                    }
                    progressed = 0;
                    nextKill = NextKill();
                }
            }
        }
        finally
        {
            foreach (var w in workers)
            {
                if (w is { HasExited: false }) w.Kill();
            }
        }
    }

    private int NextKill() => _random.Next(Math.Max(1, run.KillEvery / 2), run.KillEvery * 3 / 2 + 2);

    private (Process, Task) Start(int slot, CancellationToken ct)
    {
        var offset = (int)((long)run.Count * slot / run.Processes);
        var start = ChildStart(["sim", "soak", "--transfers", Text(run.Count), "--fault-rate", run.Rate.ToString(CultureInfo.InvariantCulture), "--seed", Text(run.Seed),
            "--worker-simulator", run.Simulator.ToString(), "--worker-journal", run.JournalPath, "--worker-offset", Text(offset),
            .. (run.Processes > 1 ? new[] { "--worker-shared" } : [])]);
        var process = Process.Start(start) ?? throw CliException.Refused("Could not start a soak worker process.");
        tally.Started();
        var reader = Task.Run(async () =>
        {
            while (await process.StandardOutput.ReadLineAsync(ct) is { } line)
            {
                env.Log.Debug($"soak worker {slot}: {line}");
                if (Environment.GetEnvironmentVariable("FERRY_SOAK_TRACE") == "1") await env.Error.WriteLineAsync($"worker {slot}: {line}");
                await _events.Writer.WriteAsync(new WorkerEvent(slot, line), ct);
            }
            await process.WaitForExitAsync(ct);
            await _events.Writer.WriteAsync(new WorkerEvent(slot, null), ct);
        }, ct);
        return (process, reader);
    }

    /// <summary>'ferry journal reconcile --no-wait' and 'ferry journal resume latest' in turn, as a person at another
    /// terminal would, until stopped; every exit code is tallied.</summary>
    private async Task CliBystanderAsync(CancellationToken ct)
    {
        string[][] commands = [["journal", "reconcile", "--no-wait", "--json"], ["journal", "resume", "latest", "--json"]];
        for (var i = 0; !ct.IsCancellationRequested; i++)
        {
            var args = commands[i % commands.Length];
            var start = ChildStart(args);
            start.Environment["FERRY_HOME"] = run.Home;
            start.RedirectStandardError = true;
            using var process = Process.Start(start) ?? throw CliException.Refused("Could not start a ferry process.");
            var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
            var error = process.StandardError.ReadToEndAsync(CancellationToken.None);
            await process.WaitForExitAsync(CancellationToken.None);
            tally.Ended(string.Join('-', args.Take(2)), process.ExitCode.ToString(CultureInfo.InvariantCulture));
            if (process.ExitCode == ExitCodes.Internal)
                await env.Error.WriteLineAsync($"soak: 'ferry {string.Join(' ', args)}' exited 70: {(await error).Trim()}");
            _ = await output;
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>A child 'ferry' process: the same executable (or 'dotnet ferry.dll') with <paramref name="args"/>.</summary>
    public static ProcessStartInfo ChildStart(IEnumerable<string> args)
    {
        var self = Environment.ProcessPath ?? "dotnet";
        var start = Path.GetFileNameWithoutExtension(self) == "dotnet"
            ? new ProcessStartInfo(self, [Path.Combine(AppContext.BaseDirectory, typeof(SoakSupervisor).Assembly.GetName().Name + ".dll"), .. args])
            : new ProcessStartInfo(self, args);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = false;
        start.UseShellExecute = false;
        return start;
    }

    /// <summary>The accounts.json that lets ordinary ferry commands and 'ferry mcp' reach the soak's simulator with its keys.</summary>
    public static string AccountsJson(Uri simulator) => CompactJson.Serialize(
        new SoakAccountsDocument(
        [
            new SoakAccountDocument("soak", "binance", "sim", simulator.ToString(), SoakRunner.BinanceKey, SoakRunner.BinanceSecret, SoakRunner.Master, [SoakRunner.Alice]),
            new SoakAccountDocument("soak-htx", "htx", "sim", simulator.ToString(), SoakRunner.HtxKey, SoakRunner.HtxSecret),
        ]),
        CliJsonContext.Default.SoakAccountsDocument);

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
