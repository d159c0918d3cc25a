namespace Ferry.Simulator.Ledger.SubAccounts;

/// <summary>One requested position move: symbol, quantity (> 0) and position side.</summary>
public sealed record PositionMoveOrder(string Symbol, decimal Quantity, string PositionSide);
