namespace Ferry.Simulator.Binance;

/// <summary>The answer of <see cref="WeightBuckets.TryCharge"/>: whether the weight fit, the bucket's used weight
/// afterwards, and the whole seconds until the window resets (at least 1).</summary>
internal readonly record struct WeightCharge(bool Allowed, int Used, int RetryAfterSeconds);
