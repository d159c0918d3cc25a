using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ferry.Cli.Output.Json;

/// <summary>
/// Writes an exchange id as a JSON number when it is digits (every Binance id is), else as text, as the documents
/// always have; reads either back as text.
/// </summary>
internal sealed class DigitsAsNumberConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Number ? reader.GetInt64().ToString(CultureInfo.InvariantCulture) : reader.GetString();

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
    {
        if (long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            writer.WriteNumberValue(number);
        }
        else
        {
            writer.WriteStringValue(value);
        }
    }
}
