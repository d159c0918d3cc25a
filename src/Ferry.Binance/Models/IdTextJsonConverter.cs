using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ferry.Binance.Models;

/// <summary>
/// Reads a legacy transfer id (<c>txnId</c>), documented as a JSON string ("2966662589"), also when it arrives as a
/// whole number: a transfer that happened must not turn into an unreadable answer over the id's JSON type.
/// </summary>
public sealed class IdTextJsonConverter : JsonConverter<string>
{
    /// <inheritdoc />
    public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Number when reader.TryGetInt64(out var n) => n.ToString(CultureInfo.InvariantCulture),
            _ => null,
        };
        if (string.IsNullOrEmpty(text) || text.Length > 40 || !text.All(char.IsAsciiDigit))
        {
            throw new JsonException("A transfer id must be digits, as a JSON string or whole number.");
        }

        return text;
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
