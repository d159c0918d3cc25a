using System.CommandLine;
using System.Globalization;
using Ferry.Cli.Output;
using Ferry.Cli.Output.Json;
using Ferry.Cli.Sessions;
using Ferry.Core.Money;
using Ferry.Engine.Journal;
using Ferry.Engine.Work;

namespace Ferry.Cli.Commands;

/// <summary><c>ferry worker [--concurrency N] [--until-empty]</c> runs queued units through the engine until stopped
/// (SIGTERM/Ctrl-C: a graceful stop) or the queue is empty; <c>ferry worker status</c> shows who holds what.</summary>
internal static class WorkerCommand
{
    public static Command Create(CliEnvironment env)
    {
        var concurrency = new Option<int>("--concurrency") { Description = "Units run at once, 1-64.", DefaultValueFactory = _ => 1 };
        var untilEmpty = new Option<bool>("--until-empty") { Description = "Stop once no unit is queued or running (for scripts and tests)." };
        var lease = new Option<double>("--lease") { Description = "Seconds a hold on a unit (and its journal claims) lasts without renewal; another worker takes the unit over once it ran out. 0.1-3600.", DefaultValueFactory = _ => 30 };
        var historyLag = new Option<int>("--history-lag-window-ms") { Description = "Internal (the soak on its simulator): how long after sending a missing history row is waited for.", Hidden = true };
        var json = CommonOptions.Json();
        var statusJson = CommonOptions.Json();
        var status = new Command("status", "Show the workers, the units each holds with its lease, and how many units are queued.") { statusJson };
        status.SetAction((parse, ct) => StatusAsync(env, new Printer(env, parse.GetValue(statusJson)), ct));
        var command = new Command("worker", "Run queued moves ('ferry transfer|sweep|rebalance … --queue') until stopped; SIGTERM or Ctrl-C finishes the units in flight first.")
        {
            concurrency, untilEmpty, lease, historyLag, json, status,
        };
        command.SetAction((parse, ct) =>
        {
            var seconds = parse.GetValue(lease);
            if (seconds is < 0.1 or > 3600 || double.IsNaN(seconds)) throw CliException.BadInput($"--lease {seconds.ToString(CultureInfo.InvariantCulture)} is out of range; give 0.1 to 3600 seconds.");
            env.Lease = TimeSpan.FromSeconds(seconds);
            if (parse.GetValue(historyLag) is > 0 and var lagMs)
            {
                // Reads stay at the default spacing: the wait also spans the request's validity.
                env.Reconcile = new ReconcileOptions { HistoryLagWindow = TimeSpan.FromMilliseconds(lagMs) };
            }
            return RunAsync(env, parse.GetValue(json), parse.GetValue(concurrency), parse.GetValue(untilEmpty), ct);
        });
        return command;
    }

    private static async Task<int> RunAsync(CliEnvironment env, bool json, int concurrency, bool untilEmpty, CancellationToken stop)
    {
        if (concurrency is < 1 or > 64) throw CliException.BadInput($"--concurrency {concurrency} is out of range; give 1 to 64.");
        using var queue = await CliQueue.OpenAsync(env, stop);
        var worker = WorkerIdentity.ForThisProcess();
        var printer = new Printer(env, json);
        printer.Line($"worker {worker.Id}: {concurrency} at once{(untilEmpty ? ", until the queue is empty" : "; SIGTERM or Ctrl-C stops it gracefully")}.");
        var runner = new WorkRunner(new WorkRunnerOptions
        {
            Queue = queue,
            // A service (and journal owner) per unit: units in flight at once never mistake each other's legs for crashed ones.
            OpenService = runsFor => CliServices.Open(env, json: true, requester: runsFor),
            Worker = worker,
            Concurrency = concurrency,
            UntilEmpty = untilEmpty,
            Time = env.Time,
            Logger = new WorkerLog(env),
            Finished = unit =>
            {
                lock (env.Out)
                {
                    if (json) env.Out.WriteLine(JsonLines.Of(new WorkerUnitLineDocument(worker.Id, unit.Id, WorkUnitStates.Name(unit.State), unit.JournalIds, unit.Message), CliJsonContext.Default.WorkerUnitLineDocument));
                    else env.Out.WriteLine($"{unit.Id}: {WorkUnitStates.Name(unit.State)} — {Move(unit)}; journal {string.Join(", ", unit.JournalIds)}; {unit.Message}");
                    env.Out.Flush();
                }
            },
        });
        var summary = await runner.RunAsync(stop);
        if (json) env.Out.WriteLine(JsonLines.Of(new WorkerSummaryLineDocument(worker.Id, summary.Done, summary.Failed, summary.Unknown, summary.HandedBack, summary.Lost), CliJsonContext.Default.WorkerSummaryLineDocument));
        else env.Out.WriteLine($"worker {worker.Id} stopped: {summary.Done} done, {summary.Failed} failed, {summary.Unknown} unknown, {summary.HandedBack} handed back, {summary.Lost} lost.");
        return ExitCodes.Ok;
    }

    private static async Task<int> StatusAsync(CliEnvironment env, Printer printer, CancellationToken ct)
    {
        using var queue = await CliQueue.OpenAsync(env, ct);
        var now = env.Time.GetUtcNow();
        var running = await queue.ListAsync([WorkUnitState.Running], int.MaxValue, ct);
        var counts = await queue.CountsAsync(ct);
        int Count(WorkUnitState s) => counts.GetValueOrDefault(s);
        var workers = running.GroupBy(u => u.Holder!.Worker.Id, StringComparer.Ordinal).Select(g => new WorkerHoldDocument(g.Key, g.First().Holder!.Worker.Pid,
            g.First().Holder!.Worker.Host, [.. g.Select(u => new HeldUnitDocument(u.Id, u.Holder!.Token, u.Holder.LeaseUntil.ToUnixTimeMilliseconds(), u.Holder.LeaseUntil > now, Move(u)))])).ToList();
        printer.Document(new WorkerStatusDocument(workers, Count(WorkUnitState.Queued), Count(WorkUnitState.Running), Count(WorkUnitState.Done),
            Count(WorkUnitState.Failed), Count(WorkUnitState.Unknown)), CliJsonContext.Default.WorkerStatusDocument);
        var table = Printer.NewTable("Worker", "Unit", "Token", "Lease until (UTC)", "Move");
        foreach (var w in workers)
        {
            foreach (var u in w.Units)
            {
                Printer.AddRow(table, w.Worker, u.Id, u.Token.ToString(CultureInfo.InvariantCulture),
                    DateTimeOffset.FromUnixTimeMilliseconds(u.LeaseUntil).UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + (u.LeaseLive ? "" : " (ran out)"), u.Move);
            }
        }
        if (workers.Count > 0) printer.Table(table);
        printer.Line($"{workers.Count} worker{(workers.Count == 1 ? "" : "s")} holding units; units: {Count(WorkUnitState.Queued)} queued, {Count(WorkUnitState.Running)} running, "
            + $"{Count(WorkUnitState.Done)} done, {Count(WorkUnitState.Failed)} failed, {Count(WorkUnitState.Unknown)} unknown.");
        return ExitCodes.Ok;
    }

    private static string Move(WorkUnit u) => $"{WireDecimal.Format(u.Request.Amount)} {u.Request.Asset} {u.Request.From} → {u.Request.To}";
}
