using Ferry.Simulator.Scenario;

namespace Ferry.Observability.Tests;

/// <summary>
/// samples/Ferry.Samples.Worker as its own program: the Generic Host, <c>AddFerry</c> and a BackgroundService that moves
/// money on a schedule through the engine against the in-process simulator, then stops the host (exit 0). Its console log
/// shows each move's journal id and outcome, and no key or secret.
/// </summary>
public sealed class WorkerSampleTests
{
    [Fact]
    public async Task The_worker_sample_moves_money_on_its_schedule_through_the_registered_engine_and_stops()
    {
        var program = Path.Combine(AppContext.BaseDirectory, "Ferry.Samples.Worker.dll");

        var (code, output) = await ChildProcess.RunAsync("dotnet",
            [program, "--Schedule:Every=00:00:00.020", "--Schedule:Times=3", "--Schedule:Amount=2.5"], TimeSpan.FromMinutes(2),
            new Dictionary<string, string> { ["DOTNET_ENVIRONMENT"] = "Production", ["Logging__Console__FormatterName"] = "simple" });

        Assert.True(code == 0, "the worker sample failed: " + output);
        for (var move = 1; move <= 3; move++)
            Assert.Matches($@"move {move}: 2\.5 USDT spot -> usdm, journal J\S+: Done", output);
        Assert.Contains("TransferService[1004]", output, StringComparison.Ordinal);
        Assert.DoesNotContain(ScenarioDocument.DemoApiKey, output, StringComparison.Ordinal);
        Assert.DoesNotContain(ScenarioDocument.DemoSecret, output, StringComparison.Ordinal);
    }
}
