namespace Ferry.Cli.Output.Json;

/// <summary><c>ferry accounts list</c>: names, venues and environments only, never keys.</summary>
internal sealed record AccountListDocument(IReadOnlyList<AccountListItemDocument> Accounts);
