namespace Ferry.Cli.Output.Json;

/// <summary>One API token as <c>ferry serve token list --json</c> shows it: never the token or its hash.</summary>
internal sealed record TokenDocument(string Name, string Scope, DateTimeOffset CreatedAt);
