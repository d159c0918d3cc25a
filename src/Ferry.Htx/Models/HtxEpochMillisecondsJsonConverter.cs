using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ferry.Htx.Models;

/// <summary>Reads epoch milliseconds (a JSON number) as a UTC <see cref="DateTimeOffset"/>.</summary>
public sealed class HtxEpochMillisecondsJsonConverter : JsonConverter<DateTimeOffset>
{
    /// <inheritdoc />
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var ms) && ms is >= 0 and <= 253402300799999
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : throw new JsonException("A time must be epoch milliseconds.");

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(value.ToUnixTimeMilliseconds());
}
