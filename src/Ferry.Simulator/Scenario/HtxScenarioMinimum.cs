namespace Ferry.Simulator.Scenario;

/// <summary>A per-currency minimum for one transfer (HTX code 1303).</summary>
public sealed record HtxScenarioMinimum(string Currency, decimal Amount);
