using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ModelContextProtocol;

namespace Ferry.Cli.Mcp;

/// <summary>
/// The serializer options of the MCP layer: the tools' own types (<see cref="McpJsonContext"/>) and then the SDK's
/// protocol types, all source-generated (no reflection, so the same tools run in the Native AOT build).
/// </summary>
internal static class McpJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        TypeInfoResolver = JsonTypeInfoResolver.Combine(McpJsonContext.Default, McpJsonUtilities.DefaultOptions.TypeInfoResolver),
    };

    /// <summary>A tool's output schema: an object with the given top-level properties (name → JSON-schema fragment).</summary>
    public static JsonElement ObjectSchema(string description, params (string Name, string Schema)[] properties)
    {
        var props = string.Join(",", properties.Select(p => $"{Quoted(p.Name)}:{p.Schema}"));
        var text = $$$"""{"type":"object","description":{{{Quoted(description)}}},"properties":{{{{props}}}}}""";
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static string Quoted(string text) => JsonSerializer.Serialize(text, McpJsonContext.Default.String);
}
