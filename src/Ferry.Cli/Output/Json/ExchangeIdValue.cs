using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ferry.Cli.Output.Json;

/// <summary>An exchange's transfer id: written as a JSON number when it is digits (every Binance id is), else as text.</summary>
[JsonConverter(typeof(ExchangeIdValueConverter))]
internal readonly record struct ExchangeIdValue(string Text)
{
    public static ExchangeIdValue? Of(string? id) => id is null ? null : new ExchangeIdValue(id);
}

/// <summary>Writes an <see cref="ExchangeIdValue"/> as a number when it is digits; ids are never read back.</summary>
internal sealed class ExchangeIdValueConverter : JsonConverter<ExchangeIdValue>
{
    public override ExchangeIdValue Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("Exchange ids are only written.");

    public override void Write(Utf8JsonWriter writer, ExchangeIdValue value, JsonSerializerOptions options)
    {
        if (long.TryParse(value.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var n)) writer.WriteNumberValue(n);
        else writer.WriteStringValue(value.Text);
    }
}
