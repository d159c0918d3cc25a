namespace Ferry.Benchmarks.Sim;

/// <summary>One load phase: answers per second over the measured span, and the median and 99th-percentile latency of
/// those answers.</summary>
public readonly record struct LoadResult(double PerSecond, double MedianMs, double P99Ms);
