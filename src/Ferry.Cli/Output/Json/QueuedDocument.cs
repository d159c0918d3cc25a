namespace Ferry.Cli.Output.Json;

/// <summary><c>ferry transfer|sweep|rebalance … --queue</c>: the units queued (a sweep's or rebalance's share one batch id).</summary>
internal sealed record QueuedDocument(string? Batch, IReadOnlyList<QueuedUnitDocument> Units);
