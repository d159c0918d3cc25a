namespace Ferry.Engine.Policy;

/// <summary>A rolling cap: within any <see cref="Period"/>, the moves a rule matches (of the same asset, and with
/// <see cref="PerDestination"/> to the same destination) may add up to at most <see cref="Max"/>.</summary>
public sealed record RollingLimit(TimeSpan Period, decimal Max, bool PerDestination);
