using System.Diagnostics;
using System.Globalization;
using System.Runtime;

namespace Ferry.Benchmarks.Loopback;

/// <summary>
/// <c>loopback</c>: starts the simulator in a child process, then sends N sequential universal transfers with the
/// client and N with the floor, interleaved in alternating blocks (client-floor, floor-client, ...) to cancel drift,
/// and reports wall µs, CPU µs and bytes allocated per call, and the client/floor ratios.
/// </summary>
public static class LoopbackRunner
{
    private const double AllocTarget = 1.5;
    private const double CpuTarget = 1.2;

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var options = LoopbackOptions.Parse(args, out var problem);
        if (options is null)
        {
            await Console.Error.WriteLineAsync(problem).ConfigureAwait(false);
            return 2;
        }

        using var deadline = new CancellationTokenSource(options.Timeout);
        try
        {
            await MeasureAsync(options, deadline.Token).ConfigureAwait(false);
            return 0;
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync($"The run did not finish within {options.Timeout.TotalSeconds:0} s and was stopped.").ConfigureAwait(false);
            return 1;
        }
        catch (Exception e) when (e is InvalidOperationException or HttpRequestException or IOException)
        {
            await Console.Error.WriteLineAsync($"The run failed: {e.Message}").ConfigureAwait(false);
            return 1;
        }
    }

    private static async Task MeasureAsync(LoopbackOptions options, CancellationToken cancellationToken)
    {
        using var simulator = await SimulatorProcess.StartAsync(TimeSpan.FromSeconds(60), cancellationToken).ConfigureAwait(false);
        using var client = new ClientSide(simulator.BaseAddress);
        using var floor = new FloorSide(simulator.BaseAddress);
        using var self = Process.GetCurrentProcess();

        Console.WriteLine($"Ferry loopback benchmark: {options.Calls} calls per side in blocks of {options.Block}, {options.Warmup} warm-up calls per side");
        Console.WriteLine($"  simulator: pid {simulator.Id} at {simulator.BaseAddress}; this process: pid {Environment.ProcessId}");
        Console.WriteLine($"  .NET {Environment.Version}, {Environment.ProcessorCount} cores, {(GCSettings.IsServerGC ? "server" : "workstation")} GC, {RuntimeConfiguration()}");

        ILoopbackSide[] sides = [client, floor];
        for (var done = 0; done < options.Warmup; done += options.Block)
        {
            foreach (var side in sides)
            {
                side.PrepareBlock();
                await side.RunBlockAsync(Math.Min(options.Block, options.Warmup - done), cancellationToken).ConfigureAwait(false);
            }
        }

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        var clientTotals = default(SideTotals);
        var floorTotals = default(SideTotals);
        var blockIndex = 0;
        for (var done = 0; done < options.Calls; done += options.Block, blockIndex++)
        {
            var calls = Math.Min(options.Block, options.Calls - done);
            var clientFirst = blockIndex % 2 == 0;
            var first = clientFirst ? (ILoopbackSide)client : floor;
            var second = clientFirst ? (ILoopbackSide)floor : client;
            var a = await SideTotals.MeasureAsync(first, calls, self, cancellationToken).ConfigureAwait(false);
            var b = await SideTotals.MeasureAsync(second, calls, self, cancellationToken).ConfigureAwait(false);
            clientTotals = clientTotals.Add(clientFirst ? a : b);
            floorTotals = floorTotals.Add(clientFirst ? b : a);
        }

        Print(clientTotals, floorTotals);
    }

    private static void Print(SideTotals client, SideTotals floor)
    {
        var inv = CultureInfo.InvariantCulture;
        var allocRatio = client.BytesPerCall / floor.BytesPerCall;
        var cpuRatio = client.CpuMicrosecondsPerCall / floor.CpuMicrosecondsPerCall;
        var wallRatio = client.WallMicrosecondsPerCall / floor.WallMicrosecondsPerCall;
        Console.WriteLine();
        Console.WriteLine(string.Create(inv, $"{"side",-8}{"calls",8}{"wall µs/call",15}{"CPU µs/call",14}{"bytes/call",13}"));
        foreach (var (name, t) in new[] { ("client", client), ("floor", floor) })
        {
            Console.WriteLine(string.Create(inv,
                $"{name,-8}{t.Calls,8}{t.WallMicrosecondsPerCall,15:0.0}{t.CpuMicrosecondsPerCall,14:0.0}{t.BytesPerCall,13:0}"));
        }

        Console.WriteLine(string.Create(inv,
            $"{"ratio",-8}{"",8}{wallRatio,15:0.00}{cpuRatio,14:0.00}{allocRatio,13:0.00}"));
        Console.WriteLine(string.Create(inv,
            $"targets: alloc ratio ≤ {AllocTarget:0.0} ({(allocRatio <= AllocTarget ? "met" : "NOT met")}), CPU ratio ≤ {CpuTarget:0.0} ({(cpuRatio <= CpuTarget ? "met" : "NOT met")})"));
        Console.WriteLine(string.Create(inv,
            $"calls={client.Calls} client_alloc_bytes={client.BytesPerCall:0} floor_alloc_bytes={floor.BytesPerCall:0} alloc_ratio={allocRatio:0.00} client_cpu_us={client.CpuMicrosecondsPerCall:0.0} floor_cpu_us={floor.CpuMicrosecondsPerCall:0.0} cpu_ratio={cpuRatio:0.00}"));
    }

    private static string RuntimeConfiguration() =>
        (GCSettings.LatencyMode == GCLatencyMode.Batch ? "non-concurrent" : "concurrent") + " GC";
}
