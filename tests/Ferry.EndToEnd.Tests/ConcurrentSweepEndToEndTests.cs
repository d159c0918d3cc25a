using System.Globalization;
using System.Text;
using Ferry.Addresses;
using Ferry.Binance;
using Ferry.Credentials;
using Ferry.Journal;
using Ferry.Moves;
using Ferry.Outcomes;
using Ferry.Routing;
using Ferry.Simulator;

namespace Ferry.EndToEnd.Tests;

/// <summary>
/// Issue #9: a concurrent sweep against a simulator whose universal-transfer budget is tiny (5 calls per 200 ms window):
/// the runner keeps 16 moves in flight, yet the simulator answers no 429, every source moves exactly once, and the
/// ledger still balances. Real time is needed for rate windows, so the windows are short (the test takes about 2 s).
/// </summary>
public sealed class ConcurrentSweepEndToEndTests
{
    private const string Master = "master@example.com";
    private const int Sources = 50;
    private static readonly TimeSpan Window = TimeSpan.FromMilliseconds(400);
    private const int UidPerWindow = 360 * 5;
    // A request reserved this close to a window's end may reach the simulator in the next window. Real windows are a
    // minute and the default guard a second; here a cold loopback call can take a good part of the short window, so
    // the guard is half of it (and the stack is warmed up by one read first).
    private static readonly TimeSpan Guard = TimeSpan.FromMilliseconds(200);

    [Fact]
    public async Task Fifty_sources_swept_concurrently_with_a_tiny_limit_get_no_429_and_move_once()
    {
        await using var host = await SimulatorHost.StartAsync(new SimulatorOptions
        {
            Scenario = ScenarioDocument.Parse(Scenario()),
            RateLimits = new SimRateLimits { Window = Window, UidWeightPerWindow = UidPerWindow },
        });
        var seeded = host.Totals();
        using var client = new BinanceClient(new ApiCredentials("master-key", new SecretText("master-secret"), SigningKind.Hmac), new BinanceClientOptions
        {
            BaseAddress = host.BaseAddress,
            WeightWindow = Window,
            UidWeightPerMinute = UidPerWindow,
            MaxRateWait = TimeSpan.FromSeconds(30),
        });
        var path = Path.Combine(Path.GetTempPath(), $"ferry-e2e-sweep-{Guid.NewGuid():N}.db");
        try
        {
            using var journal = SqliteTransferJournal.Open(path);
            var home = new RoutingAccount("main", Master, null, []);
            await new BinanceBalanceReader(client, Guard).FreeAsync("s001@example.com", WalletKind.Spot, "USDT", CancellationToken.None);
            var plan = await SweepPlanner.PlanAsync(new SweepRequest("USDT", WalletAddress.Parse("spot"), Keep: 0.5m), new BinanceBalanceReader(client, Guard), home, [home]);
            Assert.Equal(Sources, plan.Moves.Count);

            var finished = 0;
            var results = await new MoveRunner(journal, _ => client, new MoveRunOptions { Parallelism = 16, EdgeGuard = Guard })
                .RunAsync(plan.Moves, _ => Interlocked.Increment(ref finished));

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
            // Never past the limit in any window, by the simulator's own count.
            Assert.All(host.RateUsage().Where(u => u.Bucket.StartsWith("POST /sapi/v1/sub-account/universalTransfer uid", StringComparison.Ordinal)),
                u => Assert.InRange(u.Used, 0, UidPerWindow));
        }
        finally
        {
            foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(path + suffix);
        }
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
