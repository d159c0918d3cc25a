namespace Ferry.Simulator.Scenario;

/// <summary>Per-account flags added for sub-account management (optional in the file).</summary>
public sealed partial record ScenarioSubAccount
{
    /// <summary>Whether the sub-account is frozen (<c>isFreeze</c> in the list endpoint).</summary>
    public bool Frozen { get; init; }

    /// <summary>The master's remark for the sub-account ("" when none).</summary>
    public string Remark { get; init; } = "";
}

/// <summary>The optional sections used by the sub-account queries: prices, futures positions and deposit history.</summary>
public sealed partial record BinanceScenario
{
    /// <summary>Last prices by symbol (e.g. BTCUSDT → 60000), for BTC and USD valuations.</summary>
    public IReadOnlyDictionary<string, decimal> Prices { get; init; } = new Dictionary<string, decimal>();

    /// <summary>Open futures positions.</summary>
    public IReadOnlyList<ScenarioPosition> Positions { get; init; } = [];

    /// <summary>Deposit history rows.</summary>
    public IReadOnlyList<ScenarioDeposit> Deposits { get; init; } = [];
}

/// <summary>An open futures position: owner, UM or CM, symbol, direction, size, prices, leverage.</summary>
public sealed record ScenarioPosition(
    string Owner, string FuturesType, string Symbol, string Side, string PositionSide, decimal Quantity,
    decimal EntryPrice, decimal MarkPrice, int Leverage);

/// <summary>A deposit record; null address means the simulator's deterministic address for (owner, coin, network).</summary>
public sealed record ScenarioDeposit(
    string Owner, string Coin, string Network, decimal Amount, int Status, string TxId, long InsertTime, string? Address,
    string AddressTag);
