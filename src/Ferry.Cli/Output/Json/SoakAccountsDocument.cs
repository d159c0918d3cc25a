namespace Ferry.Cli.Output.Json;

/// <summary>The accounts.json a soak writes so ordinary ferry commands and 'ferry mcp' reach its simulator.</summary>
internal sealed record SoakAccountsDocument(IReadOnlyList<SoakAccountDocument> Accounts);
