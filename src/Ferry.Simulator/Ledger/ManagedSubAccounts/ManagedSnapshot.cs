using Ferry.Simulator.Ledger.SubAccounts;

namespace Ferry.Simulator.Ledger.ManagedSubAccounts;

/// <summary>One daily snapshot: the wallet's balances at the end of the UTC day, from the ledger.</summary>
/// <param name="UpdateTimeMs">23:59:59.000 UTC of the day (as the docs' example 1576281599000).</param>
/// <param name="Balances">Non-zero balances of the wallet by asset at that time.</param>
/// <param name="Positions">USDⓈ-M positions (futures snapshots only; the simulator keeps no position history, so these are the current ones).</param>
public sealed record ManagedSnapshot(long UpdateTimeMs, IReadOnlyList<KeyValuePair<string, decimal>> Balances, IReadOnlyList<SimPosition> Positions);
