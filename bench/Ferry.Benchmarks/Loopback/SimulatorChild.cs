using Ferry.Simulator;

namespace Ferry.Benchmarks.Loopback;

/// <summary>
/// <c>serve-sim</c>: hosts the simulator in its own process so the server's allocations and CPU never count
/// against the client. Prints <c>listening on URL</c> and serves until its standard input closes.
/// </summary>
public static class SimulatorChild
{
    /// <summary>The line prefix the parent waits for.</summary>
    public const string ListeningPrefix = "listening on ";

    public static async Task<int> RunAsync()
    {
        var host = await SimulatorHost.StartAsync(new SimulatorOptions
        {
            Scenario = BenchScenario.Create(),
            Port = 0,
            RateLimits = BenchScenario.RateLimits(),
        }).ConfigureAwait(false);
        await using (host.ConfigureAwait(false))
        {
            Console.Out.WriteLine(ListeningPrefix + host.BaseAddress);
            Console.Out.Flush();

            // The parent closes our stdin when it is done (or dies): that is the signal to stop.
            await Console.In.ReadToEndAsync().ConfigureAwait(false);
        }

        return 0;
    }
}
