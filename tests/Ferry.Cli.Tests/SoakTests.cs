using Ferry.Cli.Sessions;
using Ferry.Cli.Soak;
using Ferry.Engine.Journal;
using Ferry.Engine.Transfers;
using Ferry.Simulator;
using Ferry.Simulator.Faults;
using Ferry.Simulator.Htx;

namespace Ferry.Cli.Tests;

/// <summary>
/// Exactly-once under each fault kind: with a fixed seed, N mixed transfers (wallet, sub-account, HTX) run through the
/// journal against a simulator injecting one fault kind at a high rate; the final ledger must equal the seed plus every
/// intended move exactly once. The seed is in every failure message.
/// </summary>
public sealed class SoakTests
{
    public static TheoryData<string> FaultSpecs => new()
    {
        "latency=0.5,latency-ms=5",
        "fail-before-commit=0.4",
        "drop-after-commit=0.4",
        "error-after-commit=0.4",
        "throttle=0.4,retry-after-s=0",
        "skew=0.4,skew-ms=1500",
        "history-lag=0.8,history-lag-ms=2000,drop-after-commit=0.3",
    };

    [Theory]
    [MemberData(nameof(FaultSpecs))]
    public async Task Each_fault_kind_ends_in_the_ledger_of_the_intended_moves_executed_once(string spec)
    {
        const int seed = 20260105;
        var summary = await RunAsync(FaultPlan.Parse(spec), seed, 36);
        Assert.True(summary is { Duplicates: 0, Losses: 0, Unresolved: 0, Conserved: true }, $"faults '{spec}' seed {seed}: {summary}");
    }

    [Fact]
    public async Task The_soak_command_prints_the_summary_as_its_last_line()
    {
        using var cli = new CliRun();
        var result = await cli.RunAsync("sim", "soak", "--transfers", "30", "--fault-rate", "0.2", "--seed", "11");
        var last = result.Out.TrimEnd().Split('\n')[^1];
        Assert.True(result.ExitCode == 0, $"seed 11: {result.All}");
        Assert.Equal("transfers=30 duplicates=0 losses=0 unresolved=0 conserved=true", last);
    }

    [Fact]
    public async Task The_summary_can_fail_a_blind_retry_is_counted_as_a_duplicate()
    {
        // A runner that resends on Unknown without reconciling (what Ferry refuses to do) must be caught.
        const int seed = 5;
        var clock = new JumpClock(TimeProvider.System);
        await using var host = await SimulatorHost.StartAsync(new SimulatorOptions
        {
            Scenario = SoakRunner.Scenario(), Time = clock, Faults = FaultPlan.Parse("drop-after-commit@/sapi/v1/asset/transfer=1"), FaultSeed = seed,
        });
        var simulator = new SimulatorAdminClient(host.BaseAddress);
        var seedTotals = await simulator.TotalsAsync(CancellationToken.None);
        var seedBalances = await simulator.BalancesAsync(null, CancellationToken.None);
        var intents = SoakRunner.Intents(1, seed);
        var dir = Directory.CreateTempSubdirectory("ferry-soak-test-").FullName;
        using var journal = SqliteTransferJournal.Open(Path.Combine(dir, "journal.db"), clock);
        using var client = new Binance.BinanceClient(new Ferry.Core.Credentials.ApiCredentials("soak-master-key", new Ferry.Core.Credentials.SecretText("soak-master-secret"), Ferry.Core.Credentials.SigningKind.Hmac),
            new Binance.BinanceClientOptions { BaseAddress = host.BaseAddress, Time = clock });
        var runner = new SoakRunner(host.BaseAddress, journal, clock, seed, new ReconcileOptions());
        var leg = (Ferry.Engine.Transfers.TransferLeg)(await runner.ProposalAsync(intents[0], CancellationToken.None)).Legs[0];
        for (var i = 0; i < 2; i++)
        {
            var (entry, _) = await JournaledExecutor.ExecuteAsync(journal, leg.Describe(intents[0].Key), c => TransferLegExecutor.ExecuteAsync(client, leg, c), CancellationToken.None);
            Assert.Equal(LegState.Unknown, entry.State);
            journal.Transition(entry.Id, LegState.Unknown, LegState.NotExecuted); // the blind guess
        }
        var summary = await SoakRunner.SummarizeAsync(intents, simulator, seedTotals, seedBalances, journal, CancellationToken.None);
        journal.Dispose();
        Directory.Delete(dir, recursive: true);
        Assert.Equal(1, summary.Duplicates);
        Assert.False(summary.Conserved);
    }

    private static async Task<SoakSummary> RunAsync(FaultPlan plan, int seed, int count)
    {
        var clock = new JumpClock(TimeProvider.System);
        await using var host = await SimulatorHost.StartAsync(new SimulatorOptions
        {
            Scenario = SoakRunner.Scenario(), Time = clock, Faults = plan, FaultSeed = seed,
            Htx = new HtxSimSettings { TransfersPerSecond = 1000, AccountRequestsPer2Seconds = 1000, SwapPrivateRequestsPer3Seconds = 1000, LedgerRequestsPerSecond = 1000, TimestampTolerance = TimeSpan.FromMinutes(10) },
        });
        var simulator = new SimulatorAdminClient(host.BaseAddress);
        var seedTotals = await simulator.TotalsAsync(CancellationToken.None);
        var seedBalances = await simulator.BalancesAsync(null, CancellationToken.None);
        var intents = SoakRunner.Intents(count, seed);
        var dir = Directory.CreateTempSubdirectory("ferry-soak-test-").FullName;
        using var journal = SqliteTransferJournal.Open(Path.Combine(dir, "journal.db"), clock);
        var options = new ReconcileOptions
        {
            HistoryLagWindow = TimeSpan.FromMilliseconds(plan.HistoryLagMs + plan.SkewMs + 1000),
            Delay = (d, _) => { clock.Skip(d); return Task.CompletedTask; },
        };
        await new SoakRunner(host.BaseAddress, journal, clock, seed, options).RunAsync(intents, null, CancellationToken.None);
        Assert.NotEmpty(host.Faults.Counts.Where(c => c.Value > 0).Select(c => c.Key).Concat(plan.HistoryLagRate > 0 ? [FaultKind.HistoryLag] : []));
        var summary = await SoakRunner.SummarizeAsync(intents, simulator, seedTotals, seedBalances, journal, CancellationToken.None);
        journal.Dispose();
        Directory.Delete(dir, recursive: true);
        return summary;
    }
}
