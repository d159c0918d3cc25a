using System.Globalization;
using System.Text.Json.Nodes;

namespace Ferry.Cli.Commands;

/// <summary>The JSON shape of an exchange id, for the documents still built as JSON nodes.</summary>
internal static class LegJson
{
    /// <summary>The id as a JSON number when it is digits (every Binance id is), else as text.</summary>
    public static JsonNode? Id(string? id) =>
        id is null ? null
        : long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? JsonValue.Create(n)
        : JsonValue.Create(id);
}
