namespace Ferry.Cli.Output.Json;

/// <summary>An MCP tool error: its kind, the exchange's code when it refused, and one sentence.</summary>
internal sealed record ToolErrorDocument(string Kind, string? Code, string Message);
