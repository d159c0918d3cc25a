namespace Ferry.Simulator.Scenario;

/// <summary>A deposit record; null address means the simulator's deterministic address for (owner, coin, network).</summary>
public sealed record ScenarioDeposit(
    string Owner, string Coin, string Network, decimal Amount, int Status, string TxId, long InsertTime, string? Address,
    string AddressTag);
