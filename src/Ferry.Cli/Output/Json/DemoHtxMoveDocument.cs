using System.Text.Json.Serialization;

namespace Ferry.Cli.Output.Json;

/// <summary>One HTX move of the demo: its direction and HTX's id.</summary>
internal sealed record DemoHtxMoveDocument(
    string Amount, string Asset, string From, string To, string Direction,
    [property: JsonConverter(typeof(DigitsAsNumberConverter))] string? TransferId);
