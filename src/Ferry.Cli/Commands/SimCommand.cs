using System.CommandLine;
using Ferry.Cli.Output.Json;
using Ferry.Core.Credentials;
using Ferry.Core.Files;
using Ferry.Simulator;
using Ferry.Simulator.Scenario;

namespace Ferry.Cli.Commands;

/// <summary><c>ferry sim serve</c>: runs the exchange simulator on loopback until SIGINT or SIGTERM.</summary>
internal static class SimCommand
{
    public static Command Create(CliEnvironment env)
    {
        var port = new Option<int>("--port") { Description = "TCP port on 127.0.0.1 (0 = any free port).", DefaultValueFactory = _ => 0 };
        var scenario = new Option<string?>("--scenario") { Description = "Scenario JSON that seeds a new state (default: the built-in demo scenario)." };
        var state = new Option<string?>("--state") { Description = "SQLite file that keeps the state across runs (default: in memory)." };
        var faults = new Option<string?>("--faults") { Description = "Faults to inject: KIND=RATE or KIND@PATH=RATE, comma-separated (docs/journal.md)." };
        var faultSeed = new Option<int>("--fault-seed") { Description = "Seed of the fault draws.", DefaultValueFactory = _ => 0 };
        var json = new Option<bool>("--json") { Description = "Print one JSON object as the first line ({\"listening\": URL, ...}) instead of the lines for people." };
        var serve = new Command("serve", "Serve the Binance endpoints on 127.0.0.1; prints 'listening on URL' first.") { port, scenario, state, faults, faultSeed, json };
        serve.SetAction((parse, ct) => ServeAsync(env, new SimServeOptions(parse.GetValue(port), parse.GetValue(scenario), parse.GetValue(state),
            parse.GetValue(faults), parse.GetValue(faultSeed), parse.GetValue(json)), ct));
        return new Command("sim", "Ferry's offline exchange simulator.") { serve, SoakCommand.Create(env) };
    }

    private static async Task<int> ServeAsync(CliEnvironment env, SimServeOptions options, CancellationToken ct)
    {
        var (port, scenarioPath, statePath, faultSpec, faultSeed, json) = options;
        Simulator.Faults.FaultPlan? faults = null;
        try
        {
            if (faultSpec is not null) faults = Simulator.Faults.FaultPlan.Parse(faultSpec);
        }
        catch (FormatException e)
        {
            throw CliException.BadInput(e.Message);
        }
        if (port is < 0 or > 65535) throw CliException.BadInput($"--port {port} is not a TCP port; use 0..65535.");
        ScenarioDocument scenario;
        try
        {
            scenario = scenarioPath is null ? ScenarioDocument.Demo() : ScenarioDocument.Parse(BoundedFile.ReadAllText(scenarioPath, ScenarioDocument.MaxFileBytes));
        }
        catch (BoundedFileException e)
        {
            throw CliException.BadInput($"The scenario file {scenarioPath} {e.Reason}.");
        }
        catch (ScenarioException e)
        {
            throw CliException.BadInput(scenarioPath is null ? e.Message : $"Scenario file '{scenarioPath}': {e.Message}");
        }

        SimulatorHost started;
        try
        {
            started = await SimulatorHost.StartAsync(
                new SimulatorOptions { Scenario = scenario, StatePath = statePath, Port = port, Time = env.Time, Faults = faults, FaultSeed = faultSeed }, ct);
        }
        catch (IOException e) when (e.Message.Contains("bind", StringComparison.OrdinalIgnoreCase))
        {
            // Kestrel: "Failed to bind to address http://127.0.0.1:N: address already in use."
            var reason = e.Message[(e.Message.LastIndexOf(": ", StringComparison.Ordinal) + 2)..].Trim().TrimEnd('.');
            throw CliException.Refused($"The simulator cannot listen on 127.0.0.1:{port} ({reason}); pick another --port, or 0 for any free port.");
        }
        await using var host = started;
        var listening = host.BaseAddress.GetLeftPart(UriPartial.Authority);
        if (json)
        {
            // One line, so a script reads the address from the first line as it does without --json.
            var demo = scenarioPath is null
                ? new SimServeDemoDocument(Sessions.EmbeddedSimulator.MasterEmail, Masking.ApiKey(Sessions.EmbeddedSimulator.ApiKey), "hmac")
                : null;
            env.Out.WriteLine(CompactJson.Serialize(
                new SimServeDocument(listening, demo, faults?.ToString(), faults is null ? null : faultSeed), CliJsonContext.Default.SimServeDocument));
        }
        else
        {
            env.Out.WriteLine($"listening on {listening}");
            if (scenarioPath is null)
                env.Out.WriteLine($"demo scenario: master {Sessions.EmbeddedSimulator.MasterEmail}, HMAC key {Masking.ApiKey(Sessions.EmbeddedSimulator.ApiKey)} (see docs/simulator.md)");
            if (faults is not null) env.Out.WriteLine($"faults {faults} (seed {faultSeed})");
            env.Out.WriteLine("press Ctrl+C or send SIGTERM to stop");
        }
        await env.Out.FlushAsync(CancellationToken.None);
        try
        {
            await Task.Delay(Timeout.Infinite, ct);
        }
        catch (OperationCanceledException)
        {
            // SIGINT/SIGTERM: a requested stop, not a failure.
        }
        await host.StopAsync(CancellationToken.None);
        return ExitCodes.Ok;
    }
}
