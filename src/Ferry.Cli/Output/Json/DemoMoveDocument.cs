using System.Text.Json.Serialization;

namespace Ferry.Cli.Output.Json;

/// <summary>One Binance move of the demo: the universal transfer type and the exchange's id.</summary>
internal sealed record DemoMoveDocument(
    string Amount, string Asset, string From, string To, string Type,
    [property: JsonConverter(typeof(DigitsAsNumberConverter))] string? TranId);
