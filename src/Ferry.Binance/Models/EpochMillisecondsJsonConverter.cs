using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ferry.Binance.Models;

/// <summary>Reads Binance's epoch-millisecond timestamps (JSON numbers) as <see cref="DateTimeOffset"/> in UTC.</summary>
public sealed class EpochMillisecondsJsonConverter : JsonConverter<DateTimeOffset>
{
    /// <inheritdoc />
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt64(out var ms)
            || ms < -62_135_596_800_000 || ms > 253_402_300_799_999)
        {
            throw new JsonException("A timestamp must be a whole number of milliseconds since 1970.");
        }

        return DateTimeOffset.FromUnixTimeMilliseconds(ms);
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(value.ToUnixTimeMilliseconds());
}
