using System.Text.Json;
using System.Text.Json.Nodes;
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

    public static CallToolResult Ok(JsonObject document) => Build(document, isError: false, text: document.ToJsonString(Compact));

    /// <summary>A tool error: <paramref name="kind"/> is bad-input, refused, rejected, unknown, expired, replayed or internal.</summary>
    public static CallToolResult Error(string kind, string message, string? code = null, JsonObject? details = null)
    {
        var sentence = Sentence(message);
        var error = new JsonObject { ["kind"] = kind, ["code"] = code, ["message"] = sentence };
        var document = details ?? new JsonObject();
        document["error"] = error;
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
        StructuredContent = JsonSerializer.SerializeToElement(document, McpJson.Options.GetTypeInfo(typeof(JsonObject))),
        Content = [new TextContentBlock { Text = isError ? text : document.ToJsonString(Compact) }],
    };
}
