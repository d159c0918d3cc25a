namespace Ferry.Simulator.Ledger.SubAccounts;

/// <summary>One executed position move (a row of GET move-position).</summary>
public sealed record PositionMoveRecord(
    string FromEmail, string ToEmail, string Symbol, decimal Price, decimal Quantity, string PositionSide, string Side, long TimestampMs);
