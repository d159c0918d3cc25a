namespace Ferry.Simulator.Ledger.SubAccounts;

/// <summary>One asset of a margin account: the wallet balance (the simulator lends nothing, so no debt or interest).</summary>
public sealed record MarginAssetLine(string Asset, decimal Free);
