namespace Ferry.Simulator.Scenario;

/// <summary>A starting HTX balance: owner, ledger wallet (HTX_SPOT, HTX_SPOT_FROZEN, HTX_SWAP_CROSS, HTX_SWAP_ISOLATED),
/// contract for an isolated account, upper-case currency, amount.</summary>
public sealed record HtxScenarioBalance(string Owner, string Wallet, string? Contract, string Currency, decimal Amount);
