namespace Ferry.Cli.Output.Json;

/// <summary>The details of an MCP refusal for want of the user's CONFIRM.</summary>
internal sealed record ConsentDetailsDocument(ConsentDocument Consent);
