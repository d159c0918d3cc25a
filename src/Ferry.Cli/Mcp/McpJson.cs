using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Ferry.Cli.Mcp;

/// <summary>The serializer options of the MCP layer: reflection-based (the CLI is not trimmed) for JsonNode values.</summary>
internal static class McpJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };

    /// <summary>A tool's output schema: an object with the given top-level properties (name → JSON-schema fragment).</summary>
    public static JsonElement ObjectSchema(string description, params (string Name, string Schema)[] properties)
    {
        var props = string.Join(",", properties.Select(p => $"{JsonSerializer.Serialize(p.Name)}:{p.Schema}"));
        var text = $$$"""{"type":"object","description":{{{JsonSerializer.Serialize(description)}}},"properties":{{{{props}}}}}""";
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
