using System.Diagnostics;
using System.Globalization;
using System.Text;
using Ferry.Engine.Addresses;
using Ferry.Binance;
using Ferry.Core.Credentials;
using Ferry.Engine.Journal;
using Ferry.Engine.Moves;
using Ferry.Core.Outcomes;
using Ferry.Engine.Routing;
using Ferry.Simulator;
using Ferry.Simulator.Scenario;
using Ferry.Simulator.Binance;

namespace Ferry.Benchmarks.Sweep;

/// <summary>
/// <c>sweep --sources N [--window-ms W] [--parallel P]</c>: N sub-accounts each hold USDT on an in-process simulator
/// with Binance's real per-endpoint limits (12,000 IP / 180,000 UID) in a window compressed to W ms; the real sweep
/// engine (planner, concurrent runner, journal) collects everything into the master's spot. Reports, per window, the UID
/// weight the simulator charged on POST /sapi/v1/sub-account/universalTransfer (360 a call: 500 calls fill a window),
/// the 429s it answered, and U: the charged weight over the limit, averaged over the windows in which moves were still
/// waiting for budget at the window's end (the limit-bound windows; the last window, which only finishes the remainder,
/// is shown but not counted). The run starts at a window boundary so the first window is a whole one.
/// Last line: <c>sources=N utilization=U throttled=T</c>.
/// </summary>
public static class SweepBench
{
    internal const string Master = "master@bench.example";
    internal const string Key = "bench-master-key";
    internal const string Secret = "bench-master-secret";
    private const string TransferBucket = "POST /sapi/v1/sub-account/universalTransfer uid " + Master;

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        int sources = 1000, windowMs = 4000, parallel = 16;
        for (var i = 0; i < args.Count; i++)
        {
            int Next() => i + 1 < args.Count && int.TryParse(args[++i], NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v > 0
                ? v : throw new ArgumentException($"{args[i]} needs a positive whole number.");
            try
            {
                switch (args[i])
                {
                    case "--sources": sources = Next(); break;
                    case "--window-ms": windowMs = Next(); break;
                    case "--parallel": parallel = Math.Min(64, Next()); break;
                    default: throw new ArgumentException($"Unknown option '{args[i]}'; use --sources N [--window-ms W] [--parallel P].");
                }
            }
            catch (ArgumentException e)
            {
                await Console.Error.WriteLineAsync(e.Message).ConfigureAwait(false);
                return 2;
            }
        }

        var window = TimeSpan.FromMilliseconds(windowMs);
        var limits = new SimRateLimits { Window = window };
        await using var host = await SimulatorHost.StartAsync(new SimulatorOptions { Scenario = ScenarioDocument.Parse(Scenario(sources)), RateLimits = limits })
            .ConfigureAwait(false);
        using var client = new BinanceClient(new ApiCredentials(Key, new SecretText(Secret), SigningKind.Hmac), new BinanceClientOptions
        {
            BaseAddress = host.BaseAddress,
            WeightWindow = window,
            MaxRateWait = TimeSpan.FromMinutes(10),
            Timeout = TimeSpan.FromSeconds(30),
        });
        var journalPath = Path.Combine(Path.GetTempPath(), $"ferry-sweep-bench-{Environment.ProcessId}.db");
        try
        {
            using var journal = SqliteTransferJournal.Open(journalPath);
            Console.WriteLine($"Ferry sweep benchmark: {sources} sub-accounts, window {windowMs} ms (limits per window: {limits.IpWeightPerWindow} IP, {limits.UidWeightPerWindow} UID per endpoint), {parallel} moves in flight");
            Console.WriteLine($"  .NET {Environment.Version}, {Environment.ProcessorCount} cores; journal {journalPath} (synchronous=FULL)");

            var home = new RoutingAccount("bench", Master, null, []);
            var clock = Stopwatch.StartNew();
            var plan = await SweepPlanner.PlanAsync(new SweepRequest("USDT", WalletAddress.Parse("spot")), new BinanceBalanceReader(client), home, [home])
                .ConfigureAwait(false);
            Console.WriteLine($"  planned {plan.Moves.Count} moves ({plan.Skipped.Count} skipped) in {clock.ElapsedMilliseconds} ms");

            // Start on a window boundary: the first measured window is a whole one.
            var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            await Task.Delay(TimeSpan.FromMilliseconds(windowMs - now % windowMs + 1)).ConfigureAwait(false);
            var startWindow = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / windowMs * windowMs;
            clock.Restart();
            var results = await new MoveRunner(journal, _ => client, new MoveRunOptions { Parallelism = parallel, RunId = "bench" })
                .RunAsync(plan.Moves).ConfigureAwait(false);
            var elapsed = clock.Elapsed;

            var windows = host.RateUsage().Where(u => u.Bucket == TransferBucket && u.WindowStart.ToUnixTimeMilliseconds() >= startWindow)
                .OrderBy(u => u.WindowStart).ToList();
            var limit = limits.UidWeightPerWindow;
            var bound = windows.Count - 1; // every window but the last ended with moves still waiting for budget
            var report = new StringBuilder();
            for (var i = 0; i < windows.Count; i++)
            {
                report.AppendLine(string.Create(CultureInfo.InvariantCulture,
                    $"  window {i + 1} (+{(windows[i].WindowStart.ToUnixTimeMilliseconds() - startWindow) / 1000.0:0.0} s): {windows[i].Used / 360} transfers, UID {windows[i].Used}/{limit} = {(double)windows[i].Used / limit:0.000}{(i < bound ? "" : " (last: not limit-bound, not counted)")}"));
            }
            Console.Write(report);
            var done = results.Count(r => r.Outcome == OutcomeKind.Done);
            var master = host.Balances(Master).Where(b => b.Asset == "USDT").Sum(b => b.Amount);
            var expected = plan.Moves.Sum(m => m.Request.Amount);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {done}/{results.Count} moves done in {elapsed.TotalSeconds:0.00} s; master spot USDT {master} (expected {expected}); audit: {(host.Audit().Count == 0 ? "clean" : string.Join("; ", host.Audit()))}"));
            var utilization = bound <= 0 ? 0.0 : windows.Take(bound).Sum(w => (double)w.Used) / ((double)limit * bound);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"sources={sources} utilization={utilization:0.000} throttled={host.Throttled}"));
            return done == results.Count && master == expected ? 0 : 1;
        }
        finally
        {
            foreach (var suffix in new[] { "", "-wal", "-shm" })
                File.Delete(journalPath + suffix);
        }
    }

    /// <summary>A master with <paramref name="sources"/> sub-accounts, each holding some USDT in spot, and the master's key.</summary>
    internal static string Scenario(int sources)
    {
        var subs = new StringBuilder();
        var balances = new StringBuilder();
        for (var i = 1; i <= sources; i++)
        {
            var email = string.Create(CultureInfo.InvariantCulture, $"sub{i:00000}@bench.example");
            subs.Append(i == 1 ? "" : ",").Append("{\"email\":\"").Append(email).Append("\"}");
            balances.Append(",{\"owner\":\"").Append(email).Append(string.Create(CultureInfo.InvariantCulture, $"\",\"wallet\":\"SPOT\",\"asset\":\"USDT\",\"amount\":\"{100 + i % 97}.5\"}}"));
        }
        return $$$"""
            {"binance": {"master": "{{{Master}}}", "subAccounts": [{{{subs}}}],
              "apiKeys": [{"owner": "{{{Master}}}", "apiKey": "{{{Key}}}", "secret": "{{{Secret}}}",
                "permissions": ["enableReading", "enableSpotAndMarginTrading", "permitsUniversalTransfer", "enableInternalTransfer", "enableFutures"]}],
              "balances": [{"owner": "{{{Master}}}", "wallet": "SPOT", "asset": "USDT", "amount": "0"}{{{balances}}}]}}
            """;
    }
}
