using Ferry.Engine.Accounts;
using Ferry.Engine.Addresses;
using Ferry.Core.Credentials;
using Ferry.Simulator;
using Ferry.Simulator.Htx;
using Ferry.Simulator.Scenario;

namespace Ferry.Cli.Sessions;

/// <summary>
/// The built-in simulator that commands use when no account is configured: seeded once from the
/// demo scenario, its state kept under FERRY_HOME so one command's move shows in the next.
/// </summary>
internal static class EmbeddedSimulator
{
    /// <summary>The demo scenario's master key; it exists only inside the simulator.</summary>
    public const string ApiKey = ScenarioDocument.DemoApiKey;
    public const string Secret = ScenarioDocument.DemoSecret;
    public const string MasterEmail = "master@example.com";

    /// <summary>The built-in account's address before its simulator is started (planning needs no connection).</summary>
    public static readonly Uri UnstartedAddress = new("http://127.0.0.1/");

    /// <summary>The sub-accounts of the scenario this simulator is seeded with: what the built-in master may route to.</summary>
    public static IReadOnlyList<string> SubAccounts { get; } =
        ScenarioDocument.Demo().Binance?.SubAccounts.Select(s => s.Email.ToLowerInvariant()).ToList() ?? [];

    /// <summary>Starts a simulator seeded with the demo scenario; <paramref name="statePath"/> null keeps it in memory.</summary>
    public static Task<SimulatorHost> StartAsync(string? statePath, TimeProvider time, CancellationToken ct, HtxSimSettings? htx = null) =>
        SimulatorHost.StartAsync(new SimulatorOptions { Scenario = ScenarioDocument.Demo(), StatePath = statePath, Time = time, Htx = htx ?? new() }, ct);

    /// <summary>The account through which Ferry talks to a demo-seeded simulator.</summary>
    public static AccountDefinition Account(Uri baseAddress, string name) => new(
        name, Venue.Binance, AccountEnvironment.Sim, baseAddress,
        new ApiCredentials(ApiKey, new SecretText(Secret), SigningKind.Hmac), MasterEmail,
        "Ferry's built-in simulator (demo scenario)", SubAccounts);
}
