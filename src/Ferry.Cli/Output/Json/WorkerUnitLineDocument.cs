namespace Ferry.Cli.Output.Json;

/// <summary><c>ferry worker --json</c>: one line per unit the worker finished.</summary>
internal sealed record WorkerUnitLineDocument(string Worker, string Unit, string State, IReadOnlyList<string> JournalIds, string? Message);
