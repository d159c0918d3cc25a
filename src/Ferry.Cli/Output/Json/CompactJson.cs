using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Ferry.Cli.Output.Json;

/// <summary>
/// A typed document as one line: the same names and escaping as <see cref="CliJsonContext"/>, without its indentation
/// (the writer's options, not the context's, decide the layout).
/// </summary>
internal static class CompactJson
{
    public static string Serialize<T>(T document, JsonTypeInfo<T> typeInfo)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            JsonSerializer.Serialize(writer, document, typeInfo);
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
