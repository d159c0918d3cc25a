using System.Diagnostics;
using System.Globalization;
using Ferry.Binance;
using Ferry.Core.Credentials;
using Ferry.Engine.Addresses;
using Ferry.Engine.Moves;
using Ferry.Engine.Routing;
using Ferry.Simulator;
using Ferry.Simulator.Binance;
using Ferry.Simulator.Scenario;

namespace Ferry.Benchmarks.Sweep;

/// <summary>
/// <c>sweep-plan [--sources N] [--rounds R]</c>: whether planning a sweep grows linearly with the number of sub-accounts.
/// End to end: an in-process simulator with N and then 4N sub-accounts (budgets raised so that no limit binds: the
/// planning is measured, not the rate budget, which the <c>sweep</c> bench measures), and
/// <see cref="SweepPlanner.PlanAsync"/> as <c>ferry sweep</c> runs it (the master's sub-account list, one balance read a
/// source, one route a source); the planner alone: <see cref="SweepPlanner.Plan"/> on 10N and 40N balances already read.
/// Both sizes of each kind take turns; each figure is the median of R rounds after one unmeasured round. Last line:
/// <c>sources=N,4N plan_us_per_source=A,B sweep_plan_ratio=B/A planner_us_per_source=C,D planner_ratio=D/C</c>
/// (1.0: linear; a cost per source that grows with the count shows as a ratio above 1).
/// </summary>
public static class SweepPlanBench
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        int sources = 500, rounds = 3;
        for (var i = 0; i < args.Count; i++)
        {
            int Next() => i + 1 < args.Count && int.TryParse(args[++i], NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v > 0
                ? v : throw new ArgumentException($"{args[i]} needs a positive whole number.");
            try
            {
                switch (args[i])
                {
                    case "--sources": sources = Next(); break;
                    case "--rounds": rounds = Next(); break;
                    default: throw new ArgumentException($"Unknown option '{args[i]}'; use [--sources N] [--rounds R].");
                }
            }
            catch (ArgumentException e)
            {
                await Console.Error.WriteLineAsync(e.Message).ConfigureAwait(false);
                return 2;
            }
        }
        Console.WriteLine($"Ferry sweep planning benchmark: {sources} and {sources * 4} sub-accounts end to end, {sources * 10} and {sources * 40} sources planner only; median of {rounds} rounds");
        Console.WriteLine($"  .NET {Environment.Version}, {Environment.ProcessorCount} cores");
        // Both sizes live side by side and take turns (which goes first alternates), after one unmeasured round each:
        // measured one after the other, whichever ran second paid for the first one's garbage.
        await using var small = await EndToEnd.StartAsync(sources).ConfigureAwait(false);
        await using var large = await EndToEnd.StartAsync(sources * 4).ConfigureAwait(false);
        var (smallTimes, largeTimes) = await TakeTurnsAsync(small.PlanAsync, large.PlanAsync, rounds).ConfigureAwait(false);
        var plannerSmall = new PlannerOnly(sources * 10);
        var plannerLarge = new PlannerOnly(sources * 40);
        var (plannerSmallTimes, plannerLargeTimes) = await TakeTurnsAsync(plannerSmall.Plan, plannerLarge.Plan, rounds).ConfigureAwait(false);

        var (a, b, c, d) = (Median(smallTimes), Median(largeTimes), Median(plannerSmallTimes), Median(plannerLargeTimes));
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(inv, $"  end to end: {sources} sources {a:0.0} µs each, {sources * 4} sources {b:0.0} µs each"));
        Console.WriteLine(string.Create(inv, $"  planner only: {sources * 10} sources {c:0.0} µs each, {sources * 40} sources {d:0.0} µs each"));
        Console.WriteLine(string.Create(inv,
            $"sources={sources},{sources * 4} plan_us_per_source={a:0.0},{b:0.0} sweep_plan_ratio={b / a:0.00} planner_us_per_source={c:0.0},{d:0.0} planner_ratio={d / c:0.00}"));
        return 0;
    }

    /// <summary>Runs each side once unmeasured, then <paramref name="rounds"/> times each, alternating which goes first;
    /// returns each side's microseconds a source per round.</summary>
    private static async Task<(List<double>, List<double>)> TakeTurnsAsync(Func<Task<double>> first, Func<Task<double>> second, int rounds)
    {
        await first().ConfigureAwait(false);
        await second().ConfigureAwait(false);
        var (one, two) = (new List<double>(), new List<double>());
        for (var round = 0; round < rounds; round++)
        {
            if (round % 2 == 0)
            {
                one.Add(await first().ConfigureAwait(false));
                two.Add(await second().ConfigureAwait(false));
            }
            else
            {
                two.Add(await second().ConfigureAwait(false));
                one.Add(await first().ConfigureAwait(false));
            }
        }
        return (one, two);
    }

    /// <summary><see cref="SweepPlanner.PlanAsync"/> as <c>ferry sweep</c> runs it, against a simulator with that many sub-accounts.</summary>
    private sealed class EndToEnd(int sources, SimulatorHost host, BinanceClient client) : IAsyncDisposable
    {
        private const int Unbound = 1_000_000_000;
        private readonly BinanceBalanceReader _reader = new(client);
        private readonly RoutingAccount _home = new("bench", SweepBench.Master, null, []);

        public static async Task<EndToEnd> StartAsync(int sources)
        {
            var host = await SimulatorHost.StartAsync(new SimulatorOptions
            {
                Scenario = ScenarioDocument.Parse(SweepBench.Scenario(sources)),
                RateLimits = new SimRateLimits { IpWeightPerWindow = Unbound, UidWeightPerWindow = Unbound },
            }).ConfigureAwait(false);
            var client = new BinanceClient(new ApiCredentials(SweepBench.Key, new SecretText(SweepBench.Secret), SigningKind.Hmac), new BinanceClientOptions
            {
                BaseAddress = host.BaseAddress,
                IpWeightPerMinute = Unbound,
                UidWeightPerMinute = Unbound,
                Timeout = TimeSpan.FromSeconds(60),
            });
            return new EndToEnd(sources, host, client);
        }

        /// <summary>Microseconds a source of one whole plan.</summary>
        public async Task<double> PlanAsync()
        {
            var clock = Stopwatch.StartNew();
            var plan = await SweepPlanner.PlanAsync(new SweepRequest("USDT", WalletAddress.Parse("spot")), _reader, _home, [_home]).ConfigureAwait(false);
            var elapsed = clock.Elapsed;
            if (plan.Moves.Count != sources) throw new InvalidOperationException($"planned {plan.Moves.Count} moves for {sources} sources");
            return elapsed.TotalMicroseconds / sources;
        }

        public async ValueTask DisposeAsync()
        {
            client.Dispose();
            await host.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary><see cref="SweepPlanner.Plan"/> on balances already read.</summary>
    private sealed class PlannerOnly
    {
        private readonly int _sources;
        private readonly RoutingAccount _home;
        private readonly List<(string, decimal)> _balances;

        public PlannerOnly(int sources)
        {
            _sources = sources;
            var subs = Enumerable.Range(1, sources).Select(i => string.Create(CultureInfo.InvariantCulture, $"sub{i:000000}@bench.example")).ToList();
            _home = new RoutingAccount("bench", SweepBench.Master, null, subs);
            _balances = [.. subs.Select(s => (s, 10.5m))];
        }

        /// <summary>Microseconds a source of one whole plan.</summary>
        public Task<double> Plan()
        {
            var clock = Stopwatch.StartNew();
            var plan = SweepPlanner.Plan(new SweepRequest("USDT", WalletAddress.Parse("spot")), _balances, _home, [_home]);
            var elapsed = clock.Elapsed;
            if (plan.Moves.Count != _sources) throw new InvalidOperationException($"planned {plan.Moves.Count} moves for {_sources} sources");
            return Task.FromResult(elapsed.TotalMicroseconds / _sources);
        }
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values.Count % 2 == 1 ? values[values.Count / 2] : (values[values.Count / 2 - 1] + values[values.Count / 2]) / 2;
    }
}
