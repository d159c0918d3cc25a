namespace Ferry.Simulator.Ledger.SubAccounts;

/// <summary>A deposit record of the scenario (history only: the scenario's balances already hold the money).</summary>
public sealed record SimDeposit(
    string Owner, string Id, string Coin, string Network, decimal Amount, int Status, string Address, string AddressTag,
    string TxId, long InsertTimeMs);
