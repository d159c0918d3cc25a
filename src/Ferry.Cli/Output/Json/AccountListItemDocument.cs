namespace Ferry.Cli.Output.Json;

/// <summary>One configured account in <c>ferry accounts list</c>.</summary>
internal sealed record AccountListItemDocument(string Name, string Venue, string Environment);
