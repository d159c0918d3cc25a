namespace Ferry.Cli.Output.Json;

/// <summary>A wallet a sweep or rebalance plan leaves alone, and why.</summary>
internal sealed record SkippedSourceDocument(string From, string Reason);
