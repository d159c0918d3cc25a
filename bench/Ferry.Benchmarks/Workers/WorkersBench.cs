using System.Diagnostics;
using System.Globalization;
using Ferry.Binance;
using Ferry.Core.Credentials;
using Ferry.Engine.Accounts;
using Ferry.Engine.Addresses;
using Ferry.Engine.Postgres;
using Ferry.Engine.Service;
using Ferry.Engine.Transfers;
using Ferry.Engine.Work;
using Ferry.Simulator;
using Ferry.Simulator.Binance;
using Ferry.Simulator.Faults;
using Ferry.Simulator.Scenario;
using Ferry.Testing.Postgres;

namespace Ferry.Benchmarks.Workers;

/// <summary>
/// <c>workers [--transfers N] [--bound-transfers M] [--window-ms W] [--concurrency C] [--latency-ms L]</c>: queued universal transfers
/// (spot → funding) on a PostgreSQL journal (a server this bench starts in a temporary folder), run by 1, 2 and 4 workers
/// (each a <see cref="WorkRunner"/> with its own queue connection, a service and journal per unit, as <c>ferry worker</c>
/// runs them) against an in-process simulator.
/// Not limit-bound: every simulator budget raised; prints <c>workers=1 tps=… workers=2 tps=… workers=4 tps=… ratio_4_1=…</c>.
/// Then the same with every simulator answer delayed L ms (default 50), the round trip to an exchange across a network,
/// which on a real desk is what a worker waits on; prints <c>latency_ms=L workers=1 tps=… … ratio_4_1=…</c>.
/// Limit-bound: Binance's real per-window limits (180,000 UID per endpoint) in a window of W ms, the clients' windows the
/// same, the UID weight reserved in the journal's database (<see cref="PostgresUidWeightStore"/>), 4 workers and M
/// transfers (300 UID each: 600 fill a window); prints <c>limit_bound utilization=U throttled=T</c>, U averaged over the
/// windows that ended with transfers still waiting (every window but the last).
/// </summary>
public static class WorkersBench
{
    private const string Master = "master@bench.example";
    private const string Key = "bench-workers-key";
    private const string Secret = "bench-workers-secret";
    private const string TransferBucket = "POST /sapi/v1/asset/transfer uid " + Master;
    private const int TransferUid = 300;

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        int transfers = 400, boundTransfers = 1500, windowMs = 20_000, concurrency = 1, latencyMs = 50;
        for (var i = 0; i < args.Count; i++)
        {
            int Next() => i + 1 < args.Count && int.TryParse(args[++i], NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v > 0
                ? v : throw new ArgumentException($"{args[i]} needs a positive whole number.");
            try
            {
                switch (args[i])
                {
                    case "--transfers": transfers = Next(); break;
                    case "--bound-transfers": boundTransfers = Next(); break;
                    case "--window-ms": windowMs = Next(); break;
                    case "--concurrency": concurrency = Math.Min(64, Next()); break;
                    case "--latency-ms": latencyMs = Next(); break;
                    default: throw new ArgumentException($"Unknown option '{args[i]}'; use [--transfers N] [--bound-transfers M] [--window-ms W] [--concurrency C] [--latency-ms L].");
                }
            }
            catch (ArgumentException e)
            {
                await Console.Error.WriteLineAsync(e.Message).ConfigureAwait(false);
                return 2;
            }
        }

        Console.WriteLine($"Ferry workers benchmark: {transfers} transfers per worker count, {concurrency} at once per worker; limit-bound: {boundTransfers} transfers, window {windowMs} ms");
        Console.WriteLine($"  .NET {Environment.Version}, {Environment.ProcessorCount} cores; load average {LoadAverage()}");
        using var server = new PostgresServer();
        Console.WriteLine($"  PostgreSQL on 127.0.0.1:{server.Port} (started by the bench, stopped at the end)");

        var raised = new SimRateLimits { IpWeightPerWindow = 100_000_000, UidWeightPerWindow = 100_000_000, ApiIpWeightPerWindow = 100_000_000 };
        // Unmeasured first: JIT, connection pools and the server's caches warm, so the 1-worker figure is not the cold one.
        await using (var warm = await SimulatorHost.StartAsync(new SimulatorOptions { Scenario = Scenario(), RateLimits = raised }).ConfigureAwait(false))
        {
            using var database = server.CreateDatabase();
            await RunAsync(database, warm, 2, concurrency, Math.Min(100, transfers), _ => { }).ConfigureAwait(false);
        }
        if (await ScalingAsync(server, raised, null, concurrency, transfers).ConfigureAwait(false) is not { } local) return 1;
        Console.WriteLine(local);
        // Every answer delayed as a network would: the latency fault at rate 1 (the simulator waits before handling).
        var roundTrip = FaultPlan.Parse(string.Create(CultureInfo.InvariantCulture, $"latency=1,latency-ms={latencyMs}"));
        if (await ScalingAsync(server, raised, roundTrip, concurrency, transfers).ConfigureAwait(false) is not { } remote) return 1;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"latency_ms={latencyMs} {remote}"));

        var window = TimeSpan.FromMilliseconds(windowMs);
        var limits = new SimRateLimits { Window = window };
        await using (var host = await SimulatorHost.StartAsync(new SimulatorOptions { Scenario = Scenario(), RateLimits = limits }).ConfigureAwait(false))
        {
            using var database = server.CreateDatabase();
            // Start on a window boundary: the first measured window is a whole one.
            var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            var startWindow = (now / windowMs + 1) * windowMs;
            var run = await RunAsync(database, host, 4, concurrency, boundTransfers, o =>
            {
                o.WeightWindow = window;
                o.MaxRateWait = TimeSpan.FromMinutes(10);
            }, startWindow).ConfigureAwait(false);
            var windows = host.RateUsage().Where(u => u.Bucket == TransferBucket && u.WindowStart.ToUnixTimeMilliseconds() >= startWindow)
                .OrderBy(u => u.WindowStart).ToList();
            var limit = limits.UidWeightPerWindow;
            var bound = windows.Count - 1;
            for (var i = 0; i < windows.Count; i++)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  window {i + 1}: {windows[i].Used / TransferUid} transfers, UID {windows[i].Used}/{limit} = {(double)windows[i].Used / limit:0.000}{(i < bound ? "" : " (last: not limit-bound, not counted)")}"));
            }
            var utilization = bound <= 0 ? 0.0 : windows.Take(bound).Sum(w => (double)w.Used) / ((double)limit * bound);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  4 workers: {boundTransfers} transfers in {run.Elapsed.TotalSeconds:0.00} s; binding: UID weight of POST /sapi/v1/asset/transfer ({limit} per {windowMs} ms window, {TransferUid} a transfer)"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"limit_bound utilization={utilization:0.000} throttled={host.Throttled}"));
            if (!run.Exact) return Fail("limit-bound: the ledger does not show every transfer exactly once");
        }
        Console.WriteLine($"  load average {LoadAverage()}");
        return 0;
    }

    /// <summary>1, 2 and 4 workers on fresh simulators (with <paramref name="faults"/>) and databases; the bench line, or
    /// null after saying which run did not move every amount exactly once.</summary>
    private static async Task<string?> ScalingAsync(PostgresServer server, SimRateLimits limits, FaultPlan? faults, int concurrency, int transfers)
    {
        var rates = new List<double>();
        foreach (var workers in new[] { 1, 2, 4 })
        {
            await using var host = await SimulatorHost.StartAsync(new SimulatorOptions { Scenario = Scenario(), RateLimits = limits, Faults = faults }).ConfigureAwait(false);
            using var database = server.CreateDatabase();
            var run = await RunAsync(database, host, workers, concurrency, transfers, _ => { }).ConfigureAwait(false);
            if (!run.Exact)
            {
                Fail($"workers={workers}{(faults is null ? "" : $" ({faults})")}: the ledger does not show every transfer exactly once");
                return null;
            }
            var tps = transfers / run.Elapsed.TotalSeconds;
            rates.Add(tps);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {workers} worker(s){(faults is null ? "" : $", every answer {faults.LatencyMs} ms late")}: {transfers} transfers in {run.Elapsed.TotalSeconds:0.00} s = {tps:0.0}/s; 429s: {host.Throttled}"));
        }
        return string.Create(CultureInfo.InvariantCulture,
            $"workers=1 tps={rates[0]:0.0} workers=2 tps={rates[1]:0.0} workers=4 tps={rates[2]:0.0} ratio_4_1={rates[2] / rates[0]:0.00}");
    }

    private sealed record Run(TimeSpan Elapsed, bool Exact);

    /// <summary>Queues <paramref name="transfers"/> moves on a fresh journal and times <paramref name="workers"/> workers
    /// until the queue is empty; checks the simulator's ledger moved each amount exactly once.</summary>
    private static async Task<Run> RunAsync(PostgresDatabase database, SimulatorHost host, int workers, int concurrency, int transfers,
        Action<BinanceClientOptions> configure, long? startAtMs = null)
    {
        var address = PostgresJournalAddress.Parse(database.ConnectionString());
        await PostgresTransferJournal.MigrateAsync(address).ConfigureAwait(false);
        var account = new AccountDefinition("bench", Venue.Binance, AccountEnvironment.Sim, host.BaseAddress,
            new ApiCredentials(Key, new SecretText(Secret), SigningKind.Hmac), Master);
        var amounts = Enumerable.Range(1, transfers).Select(i => 1m + i * 0.000001m).ToList();
        using (var queue = await PostgresWorkQueue.OpenAsync(address).ConfigureAwait(false))
        {
            foreach (var chunk in amounts.Chunk(1000))
            {
                await queue.EnqueueAsync([.. chunk.Select(a => new WorkOrder(WorkKind.Transfer, "bench",
                    new TransferRequest(a, "USDT", WalletAddress.Parse("spot"), WalletAddress.Parse("funding")), null))], CancellationToken.None).ConfigureAwait(false);
            }
        }
        var queues = (await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => PostgresWorkQueue.OpenAsync(address))).ConfigureAwait(false)).ToList();
        // One shared-budget store per worker, as one per ferry process.
        var stores = Enumerable.Range(0, workers).Select(_ => new PostgresUidWeightStore(address)).ToList();
        try
        {
            var runners = queues.Zip(stores).Select(worker => new WorkRunner(new WorkRunnerOptions
            {
                Queue = worker.First,
                OpenService = _ => new TransferService(new TransferServiceOptions
                {
                    Accounts = [account],
                    OpenJournal = async ct => await PostgresTransferJournal.OpenAsync(address, ct: ct).ConfigureAwait(false),
                    Venues = new BenchVenues(worker.Second, configure),
                }),
                Worker = WorkerIdentity.ForThisProcess(),
                Concurrency = concurrency,
                UntilEmpty = true,
                IdlePoll = TimeSpan.FromMilliseconds(50),
            })).ToList();
            if (startAtMs is { } start)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Max(0, start - DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + 1))).ConfigureAwait(false);
            }
            var clock = Stopwatch.StartNew();
            var summaries = await Task.WhenAll(runners.Select(r => r.RunAsync(CancellationToken.None))).ConfigureAwait(false);
            var elapsed = clock.Elapsed;
            var moved = host.History().Where(m => m.Asset == "USDT").GroupBy(m => m.Amount).ToDictionary(g => g.Key, g => g.Count());
            var exact = amounts.All(a => moved.GetValueOrDefault(a) == 1) && moved.Count == amounts.Count && summaries.Sum(s => s.Done) == transfers;
            return new Run(elapsed, exact && host.Audit().Count == 0);
        }
        finally
        {
            foreach (var queue in queues) queue.Dispose();
            foreach (var store in stores) store.Dispose();
        }
    }

    /// <summary>Each unit's client on the simulator, its UID weight reserved in the journal's database as every ferry
    /// process on a PostgreSQL journal does.</summary>
    private sealed class BenchVenues(PostgresUidWeightStore store, Action<BinanceClientOptions> configure) : IVenueConnector
    {
        public Task<IVenueSession> OpenAsync(AccountDefinition account, CancellationToken ct)
        {
            var options = new BinanceClientOptions { BaseAddress = account.BaseAddress, UidWeightStore = store };
            configure(options);
            return Task.FromResult<IVenueSession>(new BinanceVenueSession(account, new BinanceClient(account.Credentials, options)));
        }
    }

    private static ScenarioDocument Scenario() => ScenarioDocument.Parse($$$"""
        {"binance": {"master": "{{{Master}}}",
          "apiKeys": [{"owner": "{{{Master}}}", "apiKey": "{{{Key}}}", "secret": "{{{Secret}}}", "permissions": ["enableReading", "permitsUniversalTransfer"]}],
          "balances": [{"owner": "{{{Master}}}", "wallet": "SPOT", "asset": "USDT", "amount": "100000000"}]}}
        """);

    private static string LoadAverage()
    {
        try
        {
            return string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine(message);
        return 1;
    }
}
