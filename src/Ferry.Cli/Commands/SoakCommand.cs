using Ferry.Binance;
using Ferry.Engine.Execution;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Ferry.Cli.Output;
using Ferry.Cli.Sessions;
using Ferry.Cli.Output.Json;
using Ferry.Cli.Soak;
using Ferry.Engine.Journal;
using Ferry.Simulator;
using Ferry.Simulator.Htx;
using Ferry.Simulator.Binance;

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
        var killEvery = new Option<int>("--kill-every") { Description = "Run the transfers in child processes and SIGKILL a random one about every K transfers (0 = no kills).", DefaultValueFactory = _ => 0 };
        var processes = new Option<int>("--processes") { Description = "Worker processes sharing one journal (1-16); with more than one, 'ferry journal reconcile/resume' processes and a 'ferry mcp' server run beside them.", DefaultValueFactory = _ => 1 };
        var workers = new Option<int>("--workers") { Description = "Queue the transfers and run them with this many 'ferry worker' processes (1-16) on the journal of --journal (PostgreSQL or a file; default a temporary file)." };
        var workerOffset = new Option<int>("--worker-offset") { Description = "Internal: the intent the child starts at.", Hidden = true };
        var workerShared = new Option<bool>("--worker-shared") { Description = "Internal: the child shares the intents with the MCP participant.", Hidden = true };
        var json = CommonOptions.Json();
        var workerUrl = new Option<string?>("--worker-simulator") { Description = "Internal: the child's simulator address.", Hidden = true };
        var workerJournal = new Option<string?>("--worker-journal") { Description = "Internal: the child's journal file.", Hidden = true };
        var command = new Command("soak", "Soak the journal: N mixed transfers under seeded faults; the last line counts duplicates, losses and unresolved entries.")
        {
            transfers, rate, seed, killEvery, processes, workers, json, workerUrl, workerJournal, workerOffset, workerShared,
        };
        command.SetAction((parse, ct) =>
        {
            var options = new SoakOptions(parse.GetValue(transfers), parse.GetValue(rate), parse.GetValue(seed), parse.GetValue(killEvery), parse.GetValue(processes), parse.GetValue(json), parse.GetValue(workers));
            return parse.GetValue(workerUrl) is { } url && parse.GetValue(workerJournal) is { } journal
                ? WorkerAsync(env, new SoakWorkerOptions(options, new Uri(url), journal, parse.GetValue(workerOffset), parse.GetValue(workerShared)), ct)
                : RunAsync(env, options, ct);
        });
        return command;
    }

    private static async Task<int> RunAsync(CliEnvironment env, SoakOptions settings, CancellationToken ct)
    {
        // With --json the run prints one document at the end (the summary's counts and the run's facts), nothing before.
        var printer = new Printer(env, settings.Json);
        settings.Validate();
        if (settings.Workers > 0) return await SoakWithWorkers.RunAsync(env, settings, printer, ct);
        if (env.JournalOption is not null)
            throw CliException.BadInput("ferry sim soak takes --journal only with --workers; without them it makes its own journal in a temporary folder.");
        var (count, rate, seed, killEvery, processes, _, _) = settings;
        var intents = SoakRunner.Intents(count, seed);
        var clock = new JumpClock(env.Time);
        // With child processes each has its own clock, so history lag is waited out in real time: keep it short.
        var lagMs = settings.Supervised ? 200 : 2000;
        var faults = SoakRunner.Faults(rate, lagMs);
        var folder = Directory.CreateTempSubdirectory("ferry-soak-");
        var journalPath = SqliteTransferJournal.PathUnder(folder.FullName);
        var watch = Stopwatch.StartNew();
        // Child processes run on real time with the recvWindow and HTX timestamp tolerance a reconciler assumes for a
        // simulator account; the in-process run skips its clock ahead, so there the simulator accepts wide windows.
        await using var host = await SimulatorHost.StartAsync(settings.Supervised
            ? Simulator(env.Time, faults, seed, HtxLegReconciler.SimulatorTimestampTolerance)
            : Simulator(clock, faults, seed), ct);
        // The simulator is read only over its admin endpoint, as any client would.
        var simulator = new SimulatorAdminClient(host.BaseAddress);
        var seedTotals = await simulator.TotalsAsync(ct);
        var seedBalances = await simulator.BalancesAsync(null, ct);
        printer.Line($"soak: {count} transfers, fault rate {rate.ToString(CultureInfo.InvariantCulture)}, seed {seed}, processes {processes}, faults {faults}");
        var tally = new SoakProcessTally();
        if (!settings.Supervised)
        {
            using var journal = SqliteTransferJournal.Open(journalPath, clock);
            var runner = new SoakRunner(host.BaseAddress, journal, clock, seed, Options(clock, lagMs));
            await runner.RunAsync(intents, null, ct);
        }
        else
        {
            // The folder is a FERRY_HOME: ordinary ferry commands and 'ferry mcp' reach the simulator with the soak's keys.
            var accounts = Path.Combine(folder.FullName, "accounts.json");
            File.WriteAllText(accounts, SoakSupervisor.AccountsJson(host.BaseAddress));
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(accounts, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            var supervision = new SoakSupervision(count, rate, seed, processes, killEvery, host.BaseAddress, folder.FullName, journalPath);
            var mcpShare = processes > 1 ? intents.Where(SoakRunner.IsMcpShare).ToList() : [];
            await new SoakSupervisor(env, supervision, tally).RunAsync(mcpShare, ct);
        }

        using (var journal = SqliteTransferJournal.Open(journalPath, clock))
        {
            var summary = await SoakRunner.SummarizeAsync(intents, simulator, seedTotals, seedBalances, journal, ct);
            var fired = string.Join(" ", host.Faults.Counts.OrderBy(c => c.Key).Select(c => $"{c.Key}={c.Value}"));
            var entries = (await journal.ListAsync(ct: ct)).Count;
            printer.Line($"faults fired: {(fired.Length == 0 ? "none" : fired)}; kills: {tally.Kills}; journal entries: {entries}; seconds: {watch.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)}");
            if (settings.Supervised) printer.Line($"processes: {tally}");
            var clean = summary is { Duplicates: 0, Losses: 0, Unresolved: 0, Conserved: true } && tally.Internal == 0;
            if (clean) try { folder.Delete(recursive: true); } catch (IOException) { }
            else printer.Line($"journal kept for inspection: {journalPath} (seed {seed})");
            printer.Line(summary.ToString());
            var faultsFired = new OrderedDictionary<string, long>(host.Faults.Counts.OrderBy(c => c.Key).Select(c => KeyValuePair.Create(c.Key.ToString(), c.Value)));
            printer.Document(
                new SoakDocument(summary.Transfers, summary.Duplicates, summary.Losses, summary.Unresolved, summary.Conserved,
                    seed, rate, faults.ToString(), processes, faultsFired, tally.Kills, tally.Internal, entries, clean ? null : journalPath),
                CliJsonContext.Default.SoakDocument);
            return clean ? ExitCodes.Ok : ExitCodes.Unknown;
        }
    }

    /// <summary>The soak's simulator: its scenario, the seeded faults, every rate limit raised so no budget binds.</summary>
    internal static SimulatorOptions Simulator(TimeProvider time, Ferry.Simulator.Faults.FaultPlan faults, int seed, TimeSpan? htxTimestampTolerance = null) => new()
    {
        Scenario = SoakRunner.Scenario(), Time = time, Faults = faults, FaultSeed = seed,
        RateLimits = new SimRateLimits { IpWeightPerWindow = 100_000_000, UidWeightPerWindow = 100_000_000, ApiIpWeightPerWindow = 100_000_000 },
        Htx = new HtxSimSettings { TransfersPerSecond = 100_000, AccountRequestsPer2Seconds = 100_000, SwapPrivateRequestsPer3Seconds = 100_000, LedgerRequestsPerSecond = 100_000, TimestampTolerance = htxTimestampTolerance ?? TimeSpan.FromMinutes(10) },
    };

    /// <summary>The soak's history-lag window: the lag it injects, the skew fault's 1.5 s clock difference, and 3 s of
    /// margin for a loaded machine between the simulator's last recvWindow check (when a write has its turn) and the
    /// reconciler's read of the clock.</summary>
    internal static int HistoryLagWindowMs(int lagMs) => lagMs + 1500 + 3000;

    internal static ReconcileOptions Options(JumpClock? clock, int lagMs) => new()
    {
        // The window must cover the history lag plus any clock difference between the exchange and Ferry (skew-ms=1500).
        // Reads keep the default spacing: the wait also spans the request's validity.
        HistoryLagWindow = TimeSpan.FromMilliseconds(HistoryLagWindowMs(lagMs)),
        Delay = clock is null ? null : (d, _) => { clock.Skip(d); return Task.CompletedTask; },
    };

    /// <summary>A child: drives the intents (less the MCP participant's share when it has one) on the shared journal.</summary>
    private static async Task<int> WorkerAsync(CliEnvironment env, SoakWorkerOptions worker, CancellationToken ct)
    {
        var (settings, simulator, journalPath, offset, shared) = worker;
        var intents = SoakRunner.Intents(settings.Count, settings.Seed);
        if (offset is < 0 || offset >= intents.Count) throw CliException.BadInput($"--worker-offset {offset} is out of range.");
        var mine = intents.Skip(offset).Concat(intents.Take(offset)).Where(i => !shared || !SoakRunner.IsMcpShare(i)).ToList();
        using var journal = SqliteTransferJournal.Open(journalPath, env.Time);
        var runner = new SoakRunner(simulator, journal, env.Time, settings.Seed, Options(null, 200), new BinanceClientOptions().RecvWindow);
        await runner.RunAsync(mine, i => { env.Out.WriteLine($"progress {i}"); env.Out.Flush(); }, ct);
        env.Out.WriteLine("worker finished");
        return ExitCodes.Ok;
    }

}
