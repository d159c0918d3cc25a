namespace Ferry.Cli.Output.Json;

/// <summary><c>ferry serve token remove --json</c>.</summary>
internal sealed record TokenRemovedDocument(string Name, bool Removed);
