using System.Buffers;
using System.Text.Json;

namespace Ferry.Htx.Http;

/// <summary>The JSON body of a POST as it goes on the wire, written by the request's own <see cref="IHtxParameters.WriteBody"/>.</summary>
internal static class HtxJsonBody
{
    public static byte[] Of<TParams>(TParams parameters)
        where TParams : IHtxParameters
    {
        var buffer = new ArrayBufferWriter<byte>(128);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            parameters.WriteBody(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The body's properties as text in the order written: strings unescaped, numbers and literals as written.</summary>
    public static IEnumerable<KeyValuePair<string, string>> Properties(byte[] body)
    {
        using var json = JsonDocument.Parse(body);
        return json.RootElement.EnumerateObject()
            .Select(p => new KeyValuePair<string, string>(p.Name,
                p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText()))
            .ToList();
    }
}
