namespace Ferry.Simulator.Ledger.SubAccounts;

/// <summary>The result of one order of a move: the record when it moved, else the reason it did not.</summary>
public sealed record PositionMoveResult(PositionMoveOrder Order, PositionMoveRecord? Moved, decimal Price, string Side);
