namespace Ferry.Cli.Output.Json;

/// <summary>A failure with --json: <c>{"error":{"kind","code","message"}}</c>, the shape of an MCP tool error.</summary>
internal sealed record ErrorDocument(ErrorDetailDocument Error);
