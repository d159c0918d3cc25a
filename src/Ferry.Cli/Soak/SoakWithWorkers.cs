using System.Diagnostics;
using System.Globalization;
using Ferry.Cli.Commands;
using Ferry.Cli.Output;
using Ferry.Cli.Output.Json;
using Ferry.Binance;
using Ferry.Cli.Sessions;
using Ferry.Engine.Execution;
using Ferry.Engine.Accounts;
using Ferry.Engine.Journal;
using Ferry.Engine.Postgres;
using Ferry.Engine.Transfers;
using Ferry.Engine.Work;
using Ferry.Simulator;

namespace Ferry.Cli.Soak;

/// <summary>
/// <c>ferry sim soak --workers N [--journal postgres://…|FILE] [--kill-every K]</c>: starts its own simulator with the
/// seeded faults, queues the transfers on the journal (which must be empty: every move in it is counted), runs them with N
/// <c>ferry worker</c> processes while SIGKILLing one about every K finished units, then checks the simulator's own record
/// against the intents and prints the same last line as every soak.
/// </summary>
internal static class SoakWithWorkers
{
    /// <summary>The simulator's history lag under faults; a worker waits it out plus the clock skew before concluding.</summary>
    private const int HistoryLagMs = 200;

    public static async Task<int> RunAsync(CliEnvironment env, SoakOptions settings, Printer printer, CancellationToken ct)
    {
        var folder = Directory.CreateTempSubdirectory("ferry-soak-");
        var keep = false;
        try
        {
            keep = await RunInAsync(env, settings, printer, folder.FullName, ct) != ExitCodes.Ok;
            return keep ? ExitCodes.Unknown : ExitCodes.Ok;
        }
        finally
        {
            if (!keep)
            {
                try { folder.Delete(recursive: true); } catch (IOException) { }
            }
        }
    }

    private static async Task<int> RunInAsync(CliEnvironment env, SoakOptions settings, Printer printer, string folder, CancellationToken ct)
    {
        var (count, rate, seed, killEvery, _, _, workers) = settings;
        // The journal text goes to the workers unchanged (a PostgreSQL URL may carry a password; it is never printed).
        var journalText = env.JournalOption ?? SqliteTransferJournal.PathUnder(folder);
        var location = JournalLocation.Parse(env, new FerryHome(folder), journalText, "--journal");
        await location.MigrateAsync(env, ct);
        await using var journal = await location.OpenAsync(env, ct);
        using var queue = await JournalLocation.RefusingAsync<IWorkQueue>(async () => location.Postgres is { } address
            ? await PostgresWorkQueue.OpenAsync(address, ct: ct)
            : SqliteWorkQueue.Open(location.File!, env.Time));
        if ((await journal.ListAsync(null, 1, ct)).Count > 0 || (await queue.CountsAsync(ct)).Count > 0)
            throw CliException.BadInput($"The journal {location.Display} already holds entries or work units; the soak counts every move in it, so give it an empty one (a new database).");

        var watch = Stopwatch.StartNew();
        var faults = SoakRunner.Faults(rate, HistoryLagMs);
        // On real time, with the timestamp tolerance and recvWindow every 'ferry worker' assumes for a simulator account,
        // so none of them concludes "not executed" while the simulator could still accept a request.
        await using var host = await SimulatorHost.StartAsync(SoakCommand.Simulator(env.Time, faults, seed, HtxLegReconciler.SimulatorTimestampTolerance), ct);
        var simulator = new SimulatorAdminClient(host.BaseAddress);
        var seedTotals = await simulator.TotalsAsync(ct);
        var seedBalances = await simulator.BalancesAsync(null, ct);
        var accounts = Path.Combine(folder, "accounts.json");
        File.WriteAllText(accounts, SoakSupervisor.AccountsJson(host.BaseAddress));
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(accounts, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        printer.Line($"soak: {count} transfers, fault rate {rate.ToString(CultureInfo.InvariantCulture)}, seed {seed}, {workers} worker processes on {location.Display}, faults {faults}");

        var intents = SoakRunner.Queued(count, seed);
        var units = new Dictionary<string, SoakRunner.Intent>(StringComparer.Ordinal);
        foreach (var chunk in intents.Chunk(1000))
        {
            var queued = await queue.EnqueueAsync([.. chunk.Select(i => new WorkOrder(WorkKind.Transfer, SoakRunner.AccountOf(i), (TransferRequest)i.Move, null))], ct);
            foreach (var (unit, intent) in queued.Zip(chunk)) units[unit.Id] = intent;
        }

        // A unit that failed (a leg refused by the exchange) is finished here through the engine, as an operator would.
        var lagWindowMs = SoakCommand.HistoryLagWindowMs(HistoryLagMs);
        var operatorRunner = new SoakRunner(host.BaseAddress, journal, env.Time, seed, SoakCommand.Options(null, HistoryLagMs), new BinanceClientOptions().RecvWindow);
        var finishedByOperator = new HashSet<string>(StringComparer.Ordinal);
        async Task FinishAsync(SoakRunner.Intent intent, CancellationToken c)
        {
            await operatorRunner.RunAsync([intent], null, c);
            lock (finishedByOperator) finishedByOperator.Add(intent.Key);
        }
        var pool = new SoakWorkerPool(env, new SoakWorkerRun(workers, killEvery, seed, folder, journalText, lagWindowMs), units, FinishAsync);
        var tally = await pool.RunAsync(ct);
        // A worker killed after failing a unit but before printing it leaves a failed unit no line announced: the queue,
        // not the workers' output, says which units failed.
        var unannounced = (await queue.ListAsync([WorkUnitState.Failed], int.MaxValue, ct)).Where(u => !finishedByOperator.Contains(u.Id)).ToList();
        foreach (var unit in unannounced)
        {
            if (units.TryGetValue(unit.Id, out var intent)) await FinishAsync(intent with { Key = unit.Id }, ct);
        }
        tally = tally with { FinishedByOperator = tally.FinishedByOperator + unannounced.Count };

        var summary = await SoakRunner.SummarizeAsync(intents, simulator, seedTotals, seedBalances, journal, ct);
        var counts = await queue.CountsAsync(ct);
        var fired = string.Join(" ", host.Faults.Counts.OrderBy(c => c.Key).Select(c => $"{c.Key}={c.Value}"));
        var entries = (await journal.ListAsync(ct: ct)).Count;
        printer.Line($"faults fired: {(fired.Length == 0 ? "none" : fired)}; kills: {tally.Kills}; journal entries: {entries}; seconds: {watch.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)}");
        printer.Line($"workers: {tally}; units: {string.Join(" ", counts.OrderBy(c => c.Key).Select(c => $"{WorkUnitStates.Name(c.Key)}={c.Value}"))}");
        var clean = summary is { Duplicates: 0, Losses: 0, Unresolved: 0, Conserved: true };
        if (!clean)
        {
            // The simulator lives only as long as this run: keep its record of every move beside the journal.
            var moves = Path.Combine(folder, "simulator-moves.txt");
            await File.WriteAllLinesAsync(moves, (await simulator.MovesAsync(ct)).Select(m => m.ToString()), ct);
            printer.Line($"journal kept for inspection: {location.Display} (seed {seed}); the simulator's moves: {moves}");
        }
        printer.Line(summary.ToString());
        var faultsFired = new OrderedDictionary<string, long>(host.Faults.Counts.OrderBy(c => c.Key).Select(c => KeyValuePair.Create(c.Key.ToString(), c.Value)));
        printer.Document(
            new SoakDocument(summary.Transfers, summary.Duplicates, summary.Losses, summary.Unresolved, summary.Conserved,
                seed, rate, faults.ToString(), workers, faultsFired, tally.Kills, 0, entries, clean ? null : location.Display),
            CliJsonContext.Default.SoakDocument);
        return clean ? ExitCodes.Ok : ExitCodes.Unknown;
    }
}
