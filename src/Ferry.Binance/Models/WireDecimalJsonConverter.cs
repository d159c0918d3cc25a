using System.Buffers.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Ferry.Core.Money;

namespace Ferry.Binance.Models;

/// <summary>
/// Reads an amount from a JSON string ("0.10000000") or number (0.1) into <see cref="decimal"/>, never via
/// double. Exponent forms ("1E-8") are refused: Binance never sends them, and a body that does is not trusted.
/// Writes the wire form of <see cref="WireDecimal.Format"/> as a string.
/// </summary>
public sealed class WireDecimalJsonConverter : JsonConverter<decimal>
{
    /// <inheritdoc />
    public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.Number))
        {
            throw new JsonException($"An amount must be a JSON string or number, not {reader.TokenType}.");
        }

        var rawLength = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
        if (rawLength > 64)
        {
            throw new JsonException("An amount is longer than any real amount.");
        }

        Span<byte> scratch = stackalloc byte[64];
        scoped ReadOnlySpan<byte> text;
        if (reader.TokenType == JsonTokenType.String)
        {
            text = scratch[..reader.CopyString(scratch)];
        }
        else if (reader.HasValueSequence)
        {
            System.Buffers.BuffersExtensions.CopyTo(reader.ValueSequence, scratch);
            text = scratch[..(int)rawLength];
        }
        else
        {
            text = reader.ValueSpan;
        }

        if (text.IsEmpty || text.Length > 40 || !IsPlainDecimal(text)
            || !Utf8Parser.TryParse(text, out decimal value, out var consumed) || consumed != text.Length)
        {
            throw new JsonException("An amount is not a plain decimal (digits, one optional point, optional leading minus).");
        }

        return value;
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) =>
        writer.WriteStringValue(WireDecimal.Format(value));

    private static bool IsPlainDecimal(ReadOnlySpan<byte> text)
    {
        var i = text[0] == (byte)'-' ? 1 : 0;
        var digits = 0;
        var points = 0;
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (c == (byte)'.')
            {
                points++;
            }
            else if ((uint)(c - '0') <= 9)
            {
                digits++;
            }
            else
            {
                return false;
            }
        }

        return digits > 0 && points <= 1;
    }
}
