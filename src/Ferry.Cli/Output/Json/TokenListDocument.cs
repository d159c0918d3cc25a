namespace Ferry.Cli.Output.Json;

/// <summary><c>ferry serve token list --json</c>.</summary>
internal sealed record TokenListDocument(IReadOnlyList<TokenDocument> Tokens);
