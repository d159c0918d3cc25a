namespace Ferry.Cli.Output.Json;

/// <summary>A JSON line of <c>ferry sweep|rebalance</c>: a wallet left alone, and why.</summary>
internal sealed record SkippedLineDocument(string Skipped, string Reason);
