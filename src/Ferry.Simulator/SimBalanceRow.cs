namespace Ferry.Simulator;

/// <summary>One non-zero balance: owner e-mail, wallet name (SPOT, ISOLATED_MARGIN, ...), symbol for isolated margin, asset, amount.</summary>
public sealed record SimBalanceRow(string Owner, string Wallet, string? Symbol, string Asset, decimal Amount);
