using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Ferry.Core.Money;

namespace Ferry.Htx.Models;

/// <summary>
/// Reads an HTX amount into <see cref="decimal"/>, never via double: spot answers strings ("0.000000000000000000"),
/// the swap endpoints JSON numbers (which HTX's serializers may write with an exponent, so one is accepted and
/// read exactly). Writes the wire form of <see cref="WireDecimal.Format"/> as a string.
/// </summary>
public sealed class HtxDecimalJsonConverter : JsonConverter<decimal>
{
    /// <inheritdoc />
    public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => ReadAmount(ref reader);

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) =>
        writer.WriteStringValue(WireDecimal.Format(value));

    internal static decimal ReadAmount(ref Utf8JsonReader reader)
    {
        if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.Number))
        {
            throw new JsonException($"An amount must be a JSON string or number, not {reader.TokenType}.");
        }

        var text = reader.TokenType == JsonTokenType.String
            ? reader.GetString()
            : System.Text.Encoding.ASCII.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan.ToArray());
        if (text is null || text.Length is 0 or > 64
            || !decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
                CultureInfo.InvariantCulture, out var value))
        {
            throw new JsonException("An amount is not a decimal number.");
        }

        return value;
    }
}
