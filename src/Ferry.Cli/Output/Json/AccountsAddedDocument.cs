namespace Ferry.Cli.Output.Json;

/// <summary><c>ferry accounts add</c>: the account stored.</summary>
internal sealed record AccountsAddedDocument(IReadOnlyList<StoredAccountDocument> Added);
