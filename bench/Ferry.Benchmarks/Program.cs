using BenchmarkDotNet.Running;
using Ferry.Benchmarks.Loopback;
using Ferry.Benchmarks.Micro;

namespace Ferry.Benchmarks;

/// <summary>
/// Entry point: no arguments or <c>bdn [BenchmarkDotNet args]</c> runs the micro-benchmarks;
/// <c>loopback [--calls N] [--warmup W]</c> runs the client-versus-floor loopback runner;
/// <c>sweep --sources N</c> runs the sweep rate-budget bench; <c>sweep-plan [--sources N]</c> whether sweep planning is linear;
/// <c>signing [--signatures N]</c> measures Ed25519 signing (bytes per signature, CPU ratio to HMAC);
/// <c>path [--cli ferry.dll] [--src folder] [--list]</c> counts the source files one transfer crosses;
/// <c>sim [--seconds S] [--concurrency C] [--moves M]</c> measures the simulator under load against a bare-Kestrel HMAC floor;
/// <c>startup [--runs N]</c> times whole <c>ferry</c> processes against a hello app (ratios of median wall time);
/// <c>journal [--legs N]</c> measures what the journal costs a leg and how its reads grow with its size;
/// <c>serve [--clients C] [--seconds S] [--moves M] [--cli DIR]</c> loads <c>ferry serve</c>'s balances and journal reads against a bare-Kestrel floor;
/// <c>workers [--transfers N] [--bound-transfers M] [--window-ms W]</c> measures transfers per second with 1, 2 and 4 queue
/// workers on a PostgreSQL journal, and the binding UID budget's utilization with real limits;
/// <c>serve-sim</c> is the child process the loopback runner starts to host the simulator.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var command = args.Length == 0 ? "bdn" : args[0];
        var rest = args.Length == 0 ? [] : args[1..];
        switch (command)
        {
            case "bdn":
                BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(rest, new ShortConfig());
                return 0;
            case "loopback":
                return await LoopbackRunner.RunAsync(rest).ConfigureAwait(false);
            case "sweep":
                return await Sweep.SweepBench.RunAsync(rest).ConfigureAwait(false);
            case "sweep-plan":
                return await Sweep.SweepPlanBench.RunAsync(rest).ConfigureAwait(false);
            case "path":
                return await TransferPath.TransferPathRunner.RunAsync(rest).ConfigureAwait(false);
            case "sim":
                return await Sim.SimBench.RunAsync(rest).ConfigureAwait(false);
            case "signing":
                return Signing.SigningRunner.Run(rest);
            case "startup":
                return await Startup.StartupRunner.RunAsync(rest).ConfigureAwait(false);
            case "journal":
                return await Journal.JournalBench.RunAsync(rest).ConfigureAwait(false);
            case "serve":
                return await Serve.ServeBench.RunAsync(rest).ConfigureAwait(false);
            case "workers":
                return await Workers.WorkersBench.RunAsync(rest).ConfigureAwait(false);
            case "serve-sim":
                return await SimulatorChild.RunAsync().ConfigureAwait(false);
            default:
                await Console.Error.WriteLineAsync(
                    $"Unknown command '{command}'. Use: bdn [BenchmarkDotNet args] | loopback [--calls N] [--warmup W] | sweep --sources N [--window-ms W] | sweep-plan [--sources N] [--rounds R] | signing [--signatures N] [--warmup W] [--block B] | path [--cli ferry.dll] [--src folder] [--list] | sim [--seconds S] [--warmup-seconds W] [--rounds R] [--concurrency C] [--moves M] | startup [--runs N] [--cli DIR] [--hello DIR] | journal [--legs N] [--small S] [--big L] [--repeats R] [--dir PATH] | serve [--clients C] [--seconds S] [--warmup-seconds W] [--rounds R] [--moves M] [--cli DIR] | workers [--transfers N] [--bound-transfers M] [--window-ms W] [--concurrency C] | serve-sim").ConfigureAwait(false);
                return 2;
        }
    }
}
