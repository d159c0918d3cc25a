using Ferry.Engine.Accounts;
using Ferry.Engine.Addresses;
using Ferry.Core.Credentials;
using Ferry.Simulator;
using Ferry.Simulator.Htx;
using Ferry.Simulator.Scenario;

namespace Ferry.Cli.Sessions;

/// <summary>
/// The built-in simulator that commands use when no account is configured: seeded once from the
/// demo scenario, its state kept under FERRY_HOME so one command's move shows in the next. A command serves it in its
/// own process (<see cref="OpenInProcess"/>: no web host, no socket); <c>ferry demo</c> and <c>ferry serve</c> start it
/// on loopback.
/// </summary>
internal static class EmbeddedSimulator
{
    /// <summary>The demo scenario's master key; it exists only inside the simulator.</summary>
    public const string ApiKey = ScenarioDocument.DemoApiKey;
    public const string Secret = ScenarioDocument.DemoSecret;
    public const string MasterEmail = "master@example.com";

    /// <summary>The built-in account's address: the in-process simulator's, where nothing listens (planning needs no
    /// connection; requests reach it only through its handler).</summary>
    public static readonly Uri UnstartedAddress = SimulatorHost.InProcessAddress;

    /// <summary>The sub-accounts of the scenario this simulator is seeded with: what the built-in master may route to.</summary>
    public static IReadOnlyList<string> SubAccounts { get; } =
        ScenarioDocument.Demo().Binance?.SubAccounts.Select(s => s.Email.ToLowerInvariant()).ToList() ?? [];

    /// <summary>Starts a simulator seeded with the demo scenario; <paramref name="statePath"/> null keeps it in memory.</summary>
    public static Task<SimulatorHost> StartAsync(string? statePath, TimeProvider time, CancellationToken ct, HtxSimSettings? htx = null) =>
        SimulatorHost.StartAsync(new SimulatorOptions { Scenario = ScenarioDocument.Demo(), StatePath = statePath, Time = time, Htx = htx ?? new() }, ct);

    /// <summary>Opens <paramref name="home"/>'s simulator in this process, seeded with the demo scenario on first use, and
    /// the handler through which a command's clients reach it (both closed by the session that holds them).</summary>
    public static (SimulatorHost Host, HttpMessageHandler Handler) OpenInProcess(FerryHome home, TimeProvider time)
    {
        home.EnsureExists();
        home.EnsureExists("sim");
        var host = SimulatorHost.StartInProcess(new SimulatorOptions { Scenario = ScenarioDocument.Demo(), StatePath = home.EmbeddedSimulatorState, Time = time });
        return (host, host.CreateHandler());
    }

    /// <summary>
    /// Like <see cref="OpenInProcess"/>, for a command that only reads. On a home whose simulator never ran, the demo
    /// seed answers from memory, as the file seeded from it would: no state file, no SQLite, nothing written. The
    /// handler refuses any request but a read, so nothing a session sends there can be lost.
    /// </summary>
    public static (SimulatorHost Host, HttpMessageHandler Handler) OpenInProcessForReading(FerryHome home, TimeProvider time)
    {
        if (File.Exists(home.EmbeddedSimulatorState)) return OpenInProcess(home, time);
        home.EnsureNotAFile("sim");
        var host = SimulatorHost.StartInProcess(new SimulatorOptions { Scenario = ScenarioDocument.Demo(), Time = time });
        return (host, new ReadOnlyRequestsHandler(host.CreateHandler()));
    }

    /// <summary>The account through which Ferry talks to a demo-seeded simulator.</summary>
    public static AccountDefinition Account(Uri baseAddress, string name) => new(
        name, Venue.Binance, AccountEnvironment.Sim, baseAddress,
        new ApiCredentials(ApiKey, new SecretText(Secret), SigningKind.Hmac), MasterEmail,
        "Ferry's built-in simulator (demo scenario)", SubAccounts);
}
