using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ferry.Binance.Models.SubAccount;

/// <summary>An amount that must be a JSON string (GET /sapi/v4/sub-account/assets); a number is not the documented shape.</summary>
public sealed class JsonStringDecimalConverter : JsonConverter<decimal>
{
    private static readonly WireDecimalJsonConverter Inner = new();

    /// <inheritdoc />
    public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String
            ? Inner.Read(ref reader, typeToConvert, options)
            : throw new JsonException("This amount must be a JSON string (v4), not a number.");

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) => Inner.Write(writer, value, options);
}
