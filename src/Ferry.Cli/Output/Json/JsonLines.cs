using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Ferry.Cli.Output.Json;

/// <summary>One document on one line (JSON Lines, MCP text blocks), whatever indentation the context was made with.</summary>
internal static class JsonLines
{
    public static string Of<T>(T document, JsonTypeInfo<T> typeInfo)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = false }))
        {
            JsonSerializer.Serialize(writer, document, typeInfo);
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
