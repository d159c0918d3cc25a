namespace Ferry.Cli.Output.Json;

/// <summary><c>ferry worker --json</c>: the last line, what the run did.</summary>
internal sealed record WorkerSummaryLineDocument(string Worker, int Done, int Failed, int Unknown, int HandedBack, int Lost);
