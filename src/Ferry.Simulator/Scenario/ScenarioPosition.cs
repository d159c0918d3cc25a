namespace Ferry.Simulator.Scenario;

/// <summary>An open futures position: owner, UM or CM, symbol, direction, size, prices, leverage.</summary>
public sealed record ScenarioPosition(
    string Owner, string FuturesType, string Symbol, string Side, string PositionSide, decimal Quantity,
    decimal EntryPrice, decimal MarkPrice, int Leverage);
