using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ferry.Cli.Output.Json;

/// <summary>A sweep's sources: the e-mails given, written as an array, or "all sub-accounts" when none were.</summary>
[JsonConverter(typeof(SweepSourcesValueConverter))]
internal sealed record SweepSourcesValue(IReadOnlyList<string>? Emails);

/// <summary>Writes <see cref="SweepSourcesValue"/>; it is never read back.</summary>
internal sealed class SweepSourcesValueConverter : JsonConverter<SweepSourcesValue>
{
    public override SweepSourcesValue Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("Sweep sources are only written.");

    public override void Write(Utf8JsonWriter writer, SweepSourcesValue value, JsonSerializerOptions options)
    {
        if (value.Emails is null)
        {
            writer.WriteStringValue("all sub-accounts");
            return;
        }
        writer.WriteStartArray();
        foreach (var email in value.Emails) writer.WriteStringValue(email);
        writer.WriteEndArray();
    }
}
