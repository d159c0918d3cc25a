namespace Ferry.Cli.Output.Json;

/// <summary><c>ferry serve token add --json</c>: the token, shown this once.</summary>
internal sealed record TokenAddedDocument(string Name, string Scope, string Token);
