using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Ferry.Cli.Output.Json;
using ModelContextProtocol.Protocol;

namespace Ferry.Cli.Mcp;

/// <summary>
/// The two shapes every Ferry tool answers with: a result (structured content, and the same JSON as text for clients
/// that read only text) or a tool error (<c>isError</c>) whose structured content is
/// <c>{"error": {"kind", "code", "message"}}</c> — the exchange's code when it refused, and one sentence.
/// </summary>
internal static class ToolResults
{
    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false };

    /// <summary>A result from a typed document (<see cref="CliJsonContext"/>).</summary>
    public static CallToolResult Ok<T>(T document, JsonTypeInfo<T> typeInfo) => Ok(Node(document, typeInfo));

    /// <summary>A tool error whose details are a typed document (<see cref="CliJsonContext"/>).</summary>
    public static CallToolResult Error<T>(string kind, string message, string? code, T details, JsonTypeInfo<T> typeInfo) =>
        Error(kind, message, code, Node(details, typeInfo));

    /// <summary>A typed document as the JSON object a result carries (the plan store adds its id and expiry to it).</summary>
    public static JsonObject Node<T>(T document, JsonTypeInfo<T> typeInfo) => JsonSerializer.SerializeToNode(document, typeInfo)!.AsObject();

    public static CallToolResult Ok(JsonObject document) => Build(document, isError: false, text: document.ToJsonString(Compact));

    /// <summary>A tool error: <paramref name="kind"/> is bad-input, refused, rejected, unknown, expired, replayed or internal.</summary>
    public static CallToolResult Error(string kind, string message, string? code = null, JsonObject? details = null)
    {
        var sentence = Sentence(message);
        var document = details ?? [];
        document["error"] = Node(new ToolErrorDocument(kind, code, sentence), CliJsonContext.Default.ToolErrorDocument);
        return Build(document, isError: true, text: code is null ? $"{kind}: {sentence}" : $"{kind} (code {code}): {sentence}");
    }

    /// <summary>The error kind of a <c>ferry</c> exit code (docs/cli.md).</summary>
    public static string KindOf(int exitCode) => ExitCodes.ErrorKind(exitCode);

    public static string Sentence(string message)
    {
        var trimmed = message.Trim();
        if (trimmed.StartsWith("ferry: ", StringComparison.Ordinal)) trimmed = trimmed["ferry: ".Length..];
        return trimmed.Length == 0 ? "The tool failed without a message." : trimmed.EndsWith('.') ? trimmed : trimmed + ".";
    }

    private static CallToolResult Build(JsonObject document, bool isError, string text) => new()
    {
        IsError = isError,
        StructuredContent = JsonSerializer.SerializeToElement(document, McpJsonContext.Default.JsonObject),
        Content = [new TextContentBlock { Text = isError ? text : document.ToJsonString(Compact) }],
    };
}
