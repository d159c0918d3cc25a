namespace Ferry.Cli.Output.Json;

/// <summary>What a verb printed when it was not a JSON document, as the MCP bridge passes it on.</summary>
internal sealed record CliOutputDocument(string Output);
