namespace Ferry.Cli.Output.Json;

/// <summary><c>ferry worker status</c>: the workers holding units, and how many units are in each state.</summary>
internal sealed record WorkerStatusDocument(IReadOnlyList<WorkerHoldDocument> Workers, int Queued, int Running, int Done, int Failed, int Unknown);
