namespace Ferry.Simulator.Scenario;

/// <summary>The HTX part of a scenario. <see cref="Json"/> is the section as written, kept in the state file.</summary>
public sealed record HtxScenario(
    IReadOnlyList<HtxScenarioUser> Users,
    IReadOnlyList<HtxScenarioApiKey> ApiKeys,
    IReadOnlyList<string> Contracts,
    IReadOnlyList<HtxScenarioBalance> Balances,
    IReadOnlyList<HtxScenarioMinimum> Minimums,
    string Json)
{
    /// <summary>The contracts (isolated margin accounts) a scenario without a <c>contracts</c> list has.</summary>
    public static IReadOnlyList<string> DefaultContracts { get; } = ["BTC-USDT", "ETH-USDT"];

    /// <summary>The first UID handed out when a user names none.</summary>
    public const long FirstUid = 20_000_001;

    /// <summary>The first spot account id handed out when a user names none.</summary>
    public const long FirstSpotAccountId = 30_000_001;
}
