namespace Ferry.Binance.SubAccount;

/// <summary>One position to move: symbol, quantity (> 0, at most 8 decimals) and position side.</summary>
public sealed record MovePositionOrder(string Symbol, decimal Quantity, PositionSide PositionSide);
