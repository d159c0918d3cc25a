using System.Diagnostics;
using System.Globalization;
using Ferry.Benchmarks.Loopback;
using Ferry.Binance;
using Ferry.Core.Credentials;
using Ferry.Engine.Addresses;
using Ferry.Engine.Journal;
using Ferry.Engine.Transfers;
using Ferry.Simulator.Scenario;

namespace Ferry.Benchmarks.Journal;

/// <summary>
/// The journal's cost per leg: one MAIN_UMFUTURE universal transfer of 1 USDT against the simulator in a child process
/// on loopback, sent N times through the journal and N times without it, interleaved in alternating blocks, with one
/// client. Wall time, this process's CPU and allocated bytes per leg; fsyncs per leg are the journal's write commits
/// (SQLite's commit hook: under WAL and synchronous=FULL each commit syncs the WAL once). The journal is a fresh file
/// under the temporary folder. Last line: <c>legs=N journal_ratio=R cpu_ratio=C alloc_bytes=A fsyncs=F</c>, where A is
/// the journaled leg's bytes minus the plain leg's.
/// </summary>
public static class JournalLegBench
{
    public static async Task RunAsync(JournalBenchOptions options, CancellationToken cancellationToken)
    {
        using var simulator = await SimulatorProcess.StartAsync(TimeSpan.FromSeconds(60), cancellationToken).ConfigureAwait(false);
        using var client = new BinanceClient(
            new ApiCredentials(ScenarioDocument.DemoApiKey, new SecretText(ScenarioDocument.DemoSecret), SigningKind.Hmac),
            BenchClientOptions.Create(simulator.BaseAddress));
        var (from, to) = (WalletAddress.Parse("spot"), WalletAddress.Parse("usdm"));
        TransferLeg leg = new WalletTransferLeg(new WalletTransferPlan("bench", from, to, "USDT", 1m,
            WalletTransferTypes.Find(from.Wallet, to.Wallet)!.Value, null, null));
        var folder = Directory.CreateTempSubdirectory("ferry-journal-bench-");
        try
        {
            using var journal = SqliteTransferJournal.Open(SqliteTransferJournal.PathUnder(folder.FullName));
            using var self = Process.GetCurrentProcess();
            var plain = new LegSide("plain", client, leg, journal: null);
            var journaled = new LegSide("journaled", client, leg, journal);
            Console.WriteLine($"Ferry journal benchmark: {options.Legs} legs per side in blocks of {options.Block}, {options.Warmup} warm-up legs per side");
            Console.WriteLine($"  simulator: pid {simulator.Id} at {simulator.BaseAddress}; journal under {folder.FullName}; .NET {Environment.Version}, {Environment.ProcessorCount} cores");
            for (var done = 0; done < options.Warmup; done += options.Block)
            {
                var calls = Math.Min(options.Block, options.Warmup - done);
                await plain.RunBlockAsync(calls, cancellationToken).ConfigureAwait(false);
                await journaled.RunBlockAsync(calls, cancellationToken).ConfigureAwait(false);
            }

            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            var commitsBefore = journal.WriteCommits;
            SideTotals plainTotals = default, journaledTotals = default;
            for (int done = 0, block = 0; done < options.Legs; done += options.Block, block++)
            {
                var calls = Math.Min(options.Block, options.Legs - done);
                ILoopbackSide first = block % 2 == 0 ? journaled : plain, second = block % 2 == 0 ? plain : journaled;
                var a = await SideTotals.MeasureAsync(first, calls, self, cancellationToken).ConfigureAwait(false);
                var b = await SideTotals.MeasureAsync(second, calls, self, cancellationToken).ConfigureAwait(false);
                journaledTotals = journaledTotals.Add(block % 2 == 0 ? a : b);
                plainTotals = plainTotals.Add(block % 2 == 0 ? b : a);
            }

            var fsyncs = (double)(journal.WriteCommits - commitsBefore) / options.Legs;
            var floor = SyncFloor.Measure(folder.FullName, (int)Math.Round(fsyncs * options.Legs));
            Print(plainTotals, journaledTotals, fsyncs, floor, options.Legs);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static void Print(SideTotals plain, SideTotals journaled, double fsyncs, SideTotals floor, int legs)
    {
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine();
        Console.WriteLine(string.Create(inv, $"{"side",-10}{"legs",8}{"wall µs/leg",14}{"CPU µs/leg",13}{"bytes/leg",12}"));
        foreach (var (name, t) in new[] { ("journaled", journaled), ("plain", plain) })
        {
            Console.WriteLine(string.Create(inv, $"{name,-10}{t.Calls,8}{t.WallMicrosecondsPerCall,14:0.0}{t.CpuMicrosecondsPerCall,13:0.0}{t.BytesPerCall,12:0}"));
        }

        var wallRatio = journaled.WallMicrosecondsPerCall / plain.WallMicrosecondsPerCall;
        var cpuRatio = journaled.CpuMicrosecondsPerCall / plain.CpuMicrosecondsPerCall;
        var journalBytes = journaled.BytesPerCall - plain.BytesPerCall;
        // The floor's totals spread over the legs: what the same number of bare durable commits cost per leg.
        var floorWall = floor.Wall.TotalMicroseconds / legs;
        var floorCpu = floor.Cpu.TotalMicroseconds / legs;
        Console.WriteLine(string.Create(inv, $"{"sync floor",-10}{legs,8}{floorWall,14:0.0}{floorCpu,13:0.0}{"",12}  ({fsyncs:0.00} bare durable commits a leg)"));
        Console.WriteLine(string.Create(inv,
            $"above the floor: wall ratio {(journaled.WallMicrosecondsPerCall - floorWall) / plain.WallMicrosecondsPerCall:0.00}, CPU ratio {(journaled.CpuMicrosecondsPerCall - floorCpu) / plain.CpuMicrosecondsPerCall:0.00}"));
        Console.WriteLine(string.Create(inv,
            $"legs={journaled.Calls} journal_ratio={wallRatio:0.00} cpu_ratio={cpuRatio:0.00} alloc_bytes={journalBytes:0} fsyncs={fsyncs:0.00}"));
    }
}
