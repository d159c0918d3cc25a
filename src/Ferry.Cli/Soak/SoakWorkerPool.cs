using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Threading.Channels;

namespace Ferry.Cli.Soak;

/// <summary>How a worker soak runs: its 'ferry worker' processes, their FERRY_HOME and journal, and the kills.</summary>
internal sealed record SoakWorkerRun(int Workers, int KillEvery, int Seed, string Home, string Journal, int HistoryLagWindowMs);

/// <summary>What the worker processes did: starts, kills, every exit code, and units by how they ended.</summary>
internal sealed record SoakWorkerTally(int Started, int Kills, int Finished, int FinishedByOperator, string Exits)
{
    public override string ToString() =>
        $"workers started: {Started}; kills: {Kills}; units finished by workers: {Finished}; failed units finished by the soak as an operator would: {FinishedByOperator}; exits: {Exits}";
}

/// <summary>
/// Runs queued soak moves through real <c>ferry worker --until-empty</c> processes on one journal (SQLite file or
/// PostgreSQL): a random worker is SIGKILLed about every <see cref="SoakWorkerRun.KillEvery"/> finished units and a new one
/// takes its slot (it takes over what the dead one held, reconciling first). A unit that ends failed (the exchange refused
/// a leg, e.g. a 429) is finished by <paramref name="finish"/>, as an operator would with 'ferry journal resume' or by
/// moving it again: its intent is driven to done through the engine, a rejected leg sent again, a stopped route resumed.
/// </summary>
internal sealed class SoakWorkerPool(CliEnvironment env, SoakWorkerRun run, IReadOnlyDictionary<string, SoakRunner.Intent> units,
    Func<SoakRunner.Intent, CancellationToken, Task> finish)
{
    private readonly Random _random = new(run.Seed ^ 0x3091);
    private readonly Channel<(int Slot, string? Line)> _events = Channel.CreateUnbounded<(int, string?)>();
    private readonly SortedDictionary<string, int> _exits = new(StringComparer.Ordinal);
    private readonly Queue<string> _errors = new();
    private int _started;
    private int _kills;
    private int _finished;

    /// <summary>Runs until every worker has found the queue empty and every failed unit is finished.</summary>
    public async Task<SoakWorkerTally> RunAsync(CancellationToken ct)
    {
        var failed = Channel.CreateUnbounded<SoakRunner.Intent>();
        var byOperator = 0;
        var finisher = Task.Run(async () =>
        {
            await foreach (var intent in failed.Reader.ReadAllAsync(ct))
            {
                await finish(intent, ct);
                byOperator++;
            }
        }, ct);
        var workers = new Process?[run.Workers];
        try
        {
            for (var slot = 0; slot < workers.Length; slot++) workers[slot] = Start(slot, ct);
            var nextKill = run.KillEvery > 0 ? NextKill() : int.MaxValue;
            var sinceKill = 0;
            await foreach (var (slot, line) in _events.Reader.ReadAllAsync(ct))
            {
                if (line is null)
                {
                    var worker = workers[slot]!;
                    var code = worker.ExitCode;
                    _exits[Text(code)] = _exits.GetValueOrDefault(Text(code)) + 1;
                    worker.Dispose();
                    workers[slot] = null;
                    if (code is 137 or -1) workers[slot] = Start(slot, ct); // killed: a new worker takes its place
                    else if (code != 0) throw CliException.Refused($"A soak worker exited with code {code}: {LastErrors()}");
                    if (workers.All(w => w is null)) break;
                    continue;
                }
                if (Finished(line) is not { } unit) continue;
                _finished++;
                if (unit.State == "failed" && units.TryGetValue(unit.Id, out var intent)) await failed.Writer.WriteAsync(intent with { Key = unit.Id }, ct);
                if (++sinceKill < nextKill) continue;
                sinceKill = 0;
                nextKill = NextKill();
                var victim = _random.Next(run.Workers);
                if (workers[victim] is { HasExited: false } target)
                {
                    target.Kill(); // SIGKILL on Unix: no cleanup runs, exactly like a crash.
                    _kills++;
                }
            }
        }
        finally
        {
            failed.Writer.TryComplete();
            foreach (var w in workers)
            {
                if (w is { HasExited: false }) w.Kill();
            }
        }
        await finisher;
        return new SoakWorkerTally(_started, _kills, _finished, byOperator, string.Join(" ", _exits.Select(e => $"{e.Key}={e.Value}")));
    }

    /// <summary>A unit a worker finished, from its JSON line (summary lines and anything else are not units).</summary>
    private static (string Id, string State)? Finished(string line)
    {
        if (!line.StartsWith('{')) return null;
        try
        {
            var root = JsonDocument.Parse(line).RootElement;
            return root.TryGetProperty("unit", out var unit) && root.TryGetProperty("state", out var state)
                ? (unit.GetString()!, state.GetString()!)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private int NextKill() => _random.Next(Math.Max(1, run.KillEvery / 2), run.KillEvery * 3 / 2 + 2);

    private Process Start(int slot, CancellationToken ct)
    {
        var start = SoakSupervisor.ChildStart(["worker", "--until-empty", "--json", "--concurrency", "4",
            "--history-lag-window-ms", Text(run.HistoryLagWindowMs)]);
        start.Environment["FERRY_HOME"] = run.Home;
        // The journal goes to the child in its environment, never on a command line another user could read.
        start.Environment["FERRY_JOURNAL"] = run.Journal;
        start.RedirectStandardError = true;
        var process = Process.Start(start) ?? throw CliException.Refused("Could not start a 'ferry worker' process.");
        _started++;
        _ = Task.Run(async () =>
        {
            while (await process.StandardError.ReadLineAsync(ct) is { } line)
            {
                lock (_errors)
                {
                    _errors.Enqueue(line);
                    if (_errors.Count > 5) _errors.Dequeue();
                }
            }
        }, ct);
        _ = Task.Run(async () =>
        {
            while (await process.StandardOutput.ReadLineAsync(ct) is { } line)
            {
                if (Environment.GetEnvironmentVariable("FERRY_SOAK_TRACE") == "1") await env.Error.WriteLineAsync($"worker {slot}: {line}");
                await _events.Writer.WriteAsync((slot, line), ct);
            }
            await process.WaitForExitAsync(ct);
            await _events.Writer.WriteAsync((slot, null), ct);
        }, ct);
        return process;
    }

    private string LastErrors()
    {
        lock (_errors) return string.Join(" | ", _errors);
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
