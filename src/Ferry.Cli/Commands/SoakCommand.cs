using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Ferry.Cli.Output;
using Ferry.Cli.Soak;
using Ferry.Journal;
using Ferry.Simulator;

namespace Ferry.Cli.Commands;

/// <summary>
/// <c>ferry sim soak --transfers N --fault-rate R --seed S [--kill-every K]</c>: starts its own simulator with a seeded
/// fault mix, drives N mixed transfers through the journal, and prints as its LAST line
/// <c>transfers=N duplicates=D losses=L unresolved=U conserved=true|false</c>. With --kill-every the transfers run in a
/// child process that is SIGKILLed at seeded random points and restarted until it finishes.
/// </summary>
internal static class SoakCommand
{
    public static Command Create(CliEnvironment env)
    {
        var transfers = new Option<int>("--transfers") { Description = "How many transfers to make.", DefaultValueFactory = _ => 1000 };
        var rate = new Option<double>("--fault-rate") { Description = "Fraction of requests that meet a fault, from 0 to 0.9.", DefaultValueFactory = _ => 0.2 };
        var seed = new Option<int>("--seed") { Description = "Seed of the transfers, the faults and the kill points.", DefaultValueFactory = _ => 1 };
        var killEvery = new Option<int>("--kill-every") { Description = "Run the transfers in a child process and SIGKILL it about every K transfers (0 = no kills).", DefaultValueFactory = _ => 0 };
        var json = CommonOptions.Json();
        var workerUrl = new Option<string?>("--worker-simulator") { Description = "Internal: the child's simulator address.", Hidden = true };
        var workerJournal = new Option<string?>("--worker-journal") { Description = "Internal: the child's journal file.", Hidden = true };
        var command = new Command("soak", "Soak the journal: N mixed transfers under seeded faults; the last line counts duplicates, losses and unresolved entries.")
        {
            transfers, rate, seed, killEvery, json, workerUrl, workerJournal,
        };
        command.SetAction((parse, ct) => RunAsync(env, parse.GetValue(transfers), parse.GetValue(rate), parse.GetValue(seed), parse.GetValue(killEvery),
            parse.GetValue(workerUrl), parse.GetValue(workerJournal), parse.GetValue(json), ct));
        return command;
    }

    private static async Task<int> RunAsync(CliEnvironment env, int count, double rate, int seed, int killEvery, string? workerUrl, string? workerJournal,
        bool json, CancellationToken ct)
    {
        // With --json the run prints one document at the end (the summary's counts and the run's facts), nothing before.
        var printer = new Printer(env, json);
        if (count is < 1 or > 1_000_000) throw CliException.BadInput($"--transfers {count} is out of range; use 1 to 1000000.");
        if (rate is < 0 or > 0.9 || double.IsNaN(rate)) throw CliException.BadInput($"--fault-rate {rate} is out of range; use a fraction from 0 to 0.9.");
        if (killEvery < 0) throw CliException.BadInput($"--kill-every {killEvery} is negative; use 0 (no kills) or a number of transfers.");
        var intents = SoakRunner.Intents(count, seed);
        if (workerUrl is not null && workerJournal is not null)
            return await WorkerAsync(env, intents, new Uri(workerUrl), workerJournal, seed, ct);

        var clock = new JumpClock(env.Time);
        // With kills the child has its own clock, so history lag is waited out in real time: keep it short.
        var lagMs = killEvery > 0 ? 200 : 2000;
        var faults = SoakRunner.Faults(rate, lagMs);
        var folder = Directory.CreateTempSubdirectory("ferry-soak-");
        var journalPath = Path.Combine(folder.FullName, "journal.db");
        var watch = Stopwatch.StartNew();
        await using var host = await SimulatorHost.StartAsync(new SimulatorOptions
        {
            Scenario = SoakRunner.Scenario(), Time = killEvery > 0 ? env.Time : clock, Faults = faults, FaultSeed = seed,
            RateLimits = new SimRateLimits { IpWeightPerWindow = 100_000_000, UidWeightPerWindow = 100_000_000, ApiIpWeightPerWindow = 100_000_000 },
            Htx = new HtxSimSettings { TransfersPerSecond = 100_000, AccountRequestsPer2Seconds = 100_000, SwapPrivateRequestsPer3Seconds = 100_000, LedgerRequestsPerSecond = 100_000, TimestampTolerance = TimeSpan.FromMinutes(10) },
        }, ct);
        var seedTotals = host.Totals();
        var seedBalances = host.Balances();
        printer.Line($"soak: {count} transfers, fault rate {rate.ToString(CultureInfo.InvariantCulture)}, seed {seed}, faults {faults}");
        int kills = 0;
        if (killEvery == 0)
        {
            using var journal = SqliteTransferJournal.Open(journalPath, clock);
            var runner = new SoakRunner(host.BaseAddress, journal, clock, seed, Options(clock, lagMs));
            await runner.RunAsync(intents, null, ct);
        }
        else
        {
            kills = await SupervisedAsync(env, host.BaseAddress, journalPath, count, rate, seed, killEvery, ct);
        }

        using (var journal = SqliteTransferJournal.Open(journalPath, clock))
        {
            var summary = SoakRunner.Summarize(intents, host, seedTotals, seedBalances, journal);
            var fired = string.Join(" ", host.Faults.Counts.OrderBy(c => c.Key).Select(c => $"{c.Key}={c.Value}"));
            var entries = journal.List().Count;
            printer.Line($"faults fired: {(fired.Length == 0 ? "none" : fired)}; kills: {kills}; journal entries: {entries}; seconds: {watch.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)}");
            var clean = summary is { Duplicates: 0, Losses: 0, Unresolved: 0, Conserved: true };
            if (clean) try { folder.Delete(recursive: true); } catch (IOException) { }
            else printer.Line($"journal kept for inspection: {journalPath} (seed {seed})");
            printer.Line(summary.ToString());
            printer.Document(new JsonObject
            {
                ["transfers"] = summary.Transfers, ["duplicates"] = summary.Duplicates, ["losses"] = summary.Losses,
                ["unresolved"] = summary.Unresolved, ["conserved"] = summary.Conserved,
                ["seed"] = seed, ["faultRate"] = rate, ["faults"] = faults.ToString(),
                ["faultsFired"] = new JsonObject(host.Faults.Counts.OrderBy(c => c.Key).Select(c => KeyValuePair.Create(c.Key.ToString(), (JsonNode?)c.Value))),
                ["kills"] = kills, ["journalEntries"] = entries, ["journalKept"] = clean ? null : journalPath,
            });
            return summary is { Duplicates: 0, Losses: 0, Unresolved: 0, Conserved: true } ? ExitCodes.Ok : ExitCodes.Unknown;
        }
    }

    private static ReconcileOptions Options(JumpClock? clock, int lagMs) => new()
    {
        // The window must cover the history lag plus any clock difference between the exchange and Ferry (skew-ms=1500).
        HistoryLagWindow = TimeSpan.FromMilliseconds(lagMs + 1500 + 1000),
        RequeryInterval = TimeSpan.FromMilliseconds(Math.Max(50, lagMs / 4)),
        Delay = clock is null ? null : (d, _) => { clock.Skip(d); return Task.CompletedTask; },
    };

    private static async Task<int> WorkerAsync(CliEnvironment env, IReadOnlyList<SoakRunner.Intent> intents, Uri simulator, string journalPath, int seed, CancellationToken ct)
    {
        using var journal = SqliteTransferJournal.Open(journalPath, env.Time);
        var runner = new SoakRunner(simulator, journal, env.Time, seed, Options(null, 200));
        await runner.RunAsync(intents, i => { env.Out.WriteLine($"progress {i}"); env.Out.Flush(); }, ct);
        env.Out.WriteLine("worker finished");
        return ExitCodes.Ok;
    }

    /// <summary>Runs the worker as a child process, SIGKILLs it after a seeded random number of transfers, restarts it, until it finishes.</summary>
    private static async Task<int> SupervisedAsync(CliEnvironment env, Uri simulator, string journalPath, int count, double rate, int seed, int killEvery, CancellationToken ct)
    {
        var random = new Random(seed ^ 0x5eed);
        var kills = 0;
        for (var run = 0; run < 10_000; run++)
        {
            var target = random.Next(Math.Max(1, killEvery / 2), killEvery * 3 / 2 + 2);
            var start = ChildStart(["sim", "soak", "--transfers", Text(count), "--fault-rate", rate.ToString(CultureInfo.InvariantCulture), "--seed", Text(seed),
                "--worker-simulator", simulator.ToString(), "--worker-journal", journalPath]);
            using var child = Process.Start(start) ?? throw CliException.Refused("Could not start the soak worker process.");
            var progressed = 0;
            var finished = false;
            var killed = false;
            while (await child.StandardOutput.ReadLineAsync(ct) is { } line)
            {
                env.Log.Debug($"soak worker: {line}");
                if (Environment.GetEnvironmentVariable("FERRY_SOAK_TRACE") == "1") env.Error.WriteLine($"worker: {line}");
                if (line == "worker finished") finished = true;
                else if (line.StartsWith("progress ", StringComparison.Ordinal) && ++progressed >= target && !killed)
                {
                    child.Kill(); // SIGKILL on Unix: no cleanup runs, exactly like a crash.
                    killed = true;
                    kills++;
                }
            }
            await child.WaitForExitAsync(ct);
            if (finished && child.ExitCode == 0) return kills;
            if (!killed && child.ExitCode != 0)
                throw CliException.Refused($"The soak worker exited with code {child.ExitCode} (its error is on standard error above).");
        }
        throw CliException.Refused("The soak worker never finished.");
    }

    private static ProcessStartInfo ChildStart(IEnumerable<string> args)
    {
        var self = Environment.ProcessPath ?? "dotnet";
        var start = Path.GetFileNameWithoutExtension(self) == "dotnet"
            ? new ProcessStartInfo(self, [typeof(SoakCommand).Assembly.Location, .. args])
            : new ProcessStartInfo(self, args);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = false;
        start.UseShellExecute = false;
        return start;
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
