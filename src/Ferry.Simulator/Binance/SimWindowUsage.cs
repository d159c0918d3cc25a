namespace Ferry.Simulator.Binance;

/// <summary>The weight one rate bucket (e.g. "POST /sapi/v1/sub-account/universalTransfer uid master@example.com") was
/// charged in one window.</summary>
public sealed record SimWindowUsage(string Bucket, DateTimeOffset WindowStart, int Used);
