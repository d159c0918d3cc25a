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
using Ferry.Testing;
using Ferry.Simulator.Scenario;
using Ferry.Simulator.Binance;

namespace Ferry.EndToEnd.Tests;

/// <summary>
/// A concurrent sweep against a simulator whose universal-transfer budget is tiny (5 calls per one-minute window): the
/// runner keeps 16 moves in flight, yet the simulator answers no 429, every source moves exactly once, and the ledger
/// still balances. The simulator and the client share one <see cref="WatchedFakeTimeProvider"/> that only this test moves, and only
/// when every reserved request has been answered: no window can end under a request on its way, however slow the
/// machine, so the run is the same every time (about twelve minutes of the stepped clock, well under a second of ours).
/// </summary>
public sealed class ConcurrentSweepEndToEndTests
{
    private const string Master = "master@example.com";
    private const int Sources = 50;
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private const int UidPerWindow = 360 * 5;

    [Fact]
    public async Task Fifty_sources_swept_concurrently_with_a_tiny_limit_get_no_429_and_move_once()
    {
        var clock = new WatchedFakeTimeProvider(new DateTimeOffset(2026, 12, 5, 12, 0, 0, 500, TimeSpan.Zero));
        await using var host = await SimulatorHost.StartAsync(new SimulatorOptions
        {
            Scenario = ScenarioDocument.Parse(Scenario()),
            Time = clock,
            RateLimits = new SimRateLimits { Window = Window, UidWeightPerWindow = UidPerWindow },
        });
        var seeded = host.Totals();
        // Fires each time the client logs an answered (or failed) request.
        var answered = new Pulse();
        using var client = new BinanceClient(new ApiCredentials("master-key", new SecretText("master-secret"), SigningKind.Hmac), new BinanceClientOptions
        {
            BaseAddress = host.BaseAddress,
            Time = clock,
            WeightWindow = Window,
            UidWeightPerMinute = UidPerWindow,
            MaxRateWait = TimeSpan.FromMinutes(30),
            // Longer than any rate wait, so the only timers the test steps to are the limiter's.
            Timeout = TimeSpan.FromMinutes(10),
            RequestLog = _ => answered.Fire(),
        });
        var path = Path.Combine(Path.GetTempPath(), $"ferry-e2e-sweep-{Guid.NewGuid():N}.db");
        try
        {
            using var journal = SqliteTransferJournal.Open(path);
            var home = new RoutingAccount("main", Master, null, []);
            var finished = 0;
            var sweep = Task.Run(async () =>
            {
                var plan = await SweepPlanner.PlanAsync(new SweepRequest("USDT", WalletAddress.Parse("spot"), Keep: 0.5m), new BinanceBalanceReader(client), home, [home]);
                Assert.Equal(Sources, plan.Moves.Count);
                return await new MoveRunner(journal, _ => client, new MoveRunOptions { Parallelism = 16 })
                    .RunAsync(plan.Moves, _ => Interlocked.Increment(ref finished));
            });

            var stepped = await StepWhileWaitingAsync(clock, client, answered, sweep).WaitAsync(TimeSpan.FromMinutes(3));
            var results = await sweep;

            Assert.Equal(0, host.Throttled);
            Assert.Equal(Sources, finished);
            Assert.All(results, r => Assert.Equal(OutcomeKind.Done, r.Outcome));
            // Exactly once: one journal entry and one ledger move per source; every source keeps 0.5.
            Assert.Equal(Sources, journal.List([LegState.Done]).Count);
            Assert.Equal(Sources, host.History().Count(m => m.Asset == "USDT"));
            Assert.All(host.Balances().Where(b => b.Owner != Master && b.Asset == "USDT"), b => Assert.Equal(0.5m, b.Amount));
            Assert.Equal(Enumerable.Range(1, Sources).Sum(i => i - 0.5m), host.Balances(Master).Where(b => b.Asset == "USDT").Sum(b => b.Amount));
            Assert.Equal(seeded, host.Totals());
            Assert.Empty(host.Audit());
            // Never past the limit in any window, by the simulator's own count; and no budget left idle: the 50 transfers
            // took ten windows of five each.
            var transferWindows = host.RateUsage()
                .Where(u => u.Bucket.StartsWith("POST /sapi/v1/sub-account/universalTransfer uid", StringComparison.Ordinal)).ToList();
            Assert.All(transferWindows, u => Assert.InRange(u.Used, 0, UidPerWindow));
            Assert.Equal(Sources / 5, transferWindows.Count);
            // The reads took the first window (30 of 50 fit its UID budget), the transfers began in the second.
            Assert.InRange(stepped, Window * ((Sources / 5) - 1), Window * ((Sources / 5) + 1));
        }
        finally
        {
            foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(path + suffix);
        }
    }

    /// <summary>
    /// Until <paramref name="work"/> ends: whenever the limiter is waiting for a window and no reserved request is still
    /// unanswered, moves the clock to the limiter's timer. Returns how far the clock moved in all.
    /// </summary>
    private static async Task<TimeSpan> StepWhileWaitingAsync(WatchedFakeTimeProvider clock, BinanceClient client, Pulse answered, Task work)
    {
        var moved = TimeSpan.Zero;
        while (!work.IsCompleted)
        {
            // Both signals are taken before the state is read, so none can be missed in between.
            var armed = clock.Armed();
            var answer = answered.Next();
            if (clock.NextDue() is not { } due || due > Window)
            {
                await Task.WhenAny(work, armed);
            }
            else if (client.Limiter.Snapshot().Sum(u => u.InFlight) > 0)
            {
                await Task.WhenAny(work, answer);
            }
            else
            {
                clock.Advance(due);
                moved += due;
            }
        }

        return moved;
    }

    private static string Scenario()
    {
        var subs = new StringBuilder();
        var balances = new StringBuilder();
        for (var i = 1; i <= Sources; i++)
        {
            var email = string.Create(CultureInfo.InvariantCulture, $"s{i:000}@example.com");
            subs.Append(i == 1 ? "" : ",").Append("{\"email\":\"").Append(email).Append("\"}");
            balances.Append(",{\"owner\":\"").Append(email).Append(string.Create(CultureInfo.InvariantCulture, $"\",\"wallet\":\"SPOT\",\"asset\":\"USDT\",\"amount\":\"{i}\"}}"));
        }
        return $$$"""
            {"binance": {"master": "{{{Master}}}", "subAccounts": [{{{subs}}}],
              "apiKeys": [{"owner": "{{{Master}}}", "apiKey": "master-key", "secret": "master-secret",
                "permissions": ["enableReading", "enableSpotAndMarginTrading", "permitsUniversalTransfer", "enableInternalTransfer", "enableFutures"]}],
              "balances": [{"owner": "{{{Master}}}", "wallet": "SPOT", "asset": "USDT", "amount": "0"}{{{balances}}}]}}
            """;
    }
}
