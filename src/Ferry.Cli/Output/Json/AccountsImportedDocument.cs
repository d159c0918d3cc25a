namespace Ferry.Cli.Output.Json;

/// <summary><c>ferry accounts import</c>: every account stored from the file.</summary>
internal sealed record AccountsImportedDocument(IReadOnlyList<StoredAccountDocument> Imported);
