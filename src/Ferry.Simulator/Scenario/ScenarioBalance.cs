namespace Ferry.Simulator.Scenario;

/// <summary>A starting balance: owner, wallet name (SPOT, MARGIN, ISOLATED_MARGIN, ...), symbol for isolated margin, asset, amount.</summary>
public sealed record ScenarioBalance(string Owner, string Wallet, string? Symbol, string Asset, decimal Amount);
