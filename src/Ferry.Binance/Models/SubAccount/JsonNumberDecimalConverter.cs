using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ferry.Binance.Models.SubAccount;

/// <summary>An amount that must be a JSON number (GET /sapi/v3/sub-account/assets); a string is not the documented shape.</summary>
public sealed class JsonNumberDecimalConverter : JsonConverter<decimal>
{
    private static readonly WireDecimalJsonConverter Inner = new();

    /// <inheritdoc />
    public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Number
            ? Inner.Read(ref reader, typeToConvert, options)
            : throw new JsonException("This amount must be a JSON number (v3), not a string.");

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) => writer.WriteNumberValue(value);
}
