namespace Ferry.Cli.Output.Json;

/// <summary><c>ferry accounts remove</c>: the name removed.</summary>
internal sealed record AccountRemovedDocument(string Removed);
