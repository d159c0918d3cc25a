namespace Ferry.Simulator.Scenario;

/// <summary>The Binance part of a scenario; the sub-account, position, deposit and managed sub-account sections are optional.</summary>
public sealed record BinanceScenario(
    string Master,
    IReadOnlyList<ScenarioSubAccount> SubAccounts,
    IReadOnlyList<ScenarioApiKey> ApiKeys,
    IReadOnlyList<ScenarioBalance> Balances)
{
    /// <summary>Last prices by symbol (e.g. BTCUSDT → 60000), for BTC and USD valuations.</summary>
    public IReadOnlyDictionary<string, decimal> Prices { get; init; } = new Dictionary<string, decimal>();

    /// <summary>Open futures positions.</summary>
    public IReadOnlyList<ScenarioPosition> Positions { get; init; } = [];

    /// <summary>Deposit history rows.</summary>
    public IReadOnlyList<ScenarioDeposit> Deposits { get; init; } = [];

    /// <summary>Managed sub-accounts of the master (the investor), each bound to a trading team.</summary>
    public IReadOnlyList<ScenarioManagedSubAccount> ManagedSubAccounts { get; init; } = [];
}
