namespace Ferry.Server.Api;

/// <summary>A rebalance to plan: the plan file's YAML text (as <c>ferry rebalance</c> reads it), and optionally the account.</summary>
public sealed record RebalancePlanRequest(string? Plan, string? Account = null);
