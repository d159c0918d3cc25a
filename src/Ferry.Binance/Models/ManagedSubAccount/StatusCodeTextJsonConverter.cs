using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ferry.Binance.Models.ManagedSubAccount;

/// <summary>
/// The <c>code</c> of the managed sub-account envelopes, read as text: the docs show it as the STRING "200" in
/// fetch-future-asset and as the NUMBER 200 in accountSnapshot; both forms are accepted on both endpoints.
/// </summary>
public sealed class StatusCodeTextJsonConverter : JsonConverter<string>
{
    /// <inheritdoc />
    public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString() ?? "",
        JsonTokenType.Number when reader.TryGetInt64(out var n) => n.ToString(CultureInfo.InvariantCulture),
        _ => throw new JsonException("code must be a JSON string or whole number."),
    };

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
