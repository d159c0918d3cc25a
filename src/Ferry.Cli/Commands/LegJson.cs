using System.Globalization;
using System.Text.Json.Nodes;
using Ferry.Core.Money;
using Ferry.Engine.Transfers;

namespace Ferry.Cli.Commands;

/// <summary>The JSON shape of a planned leg (any endpoint kind) and of its id.</summary>
internal static class LegJson
{
    public static JsonObject Plan(TransferLeg leg)
    {
        var parameters = new JsonObject();
        foreach (var (name, value) in leg.Parameters) parameters[name] = value;
        var plan = new JsonObject
        {
            ["from"] = leg.From.ToString(),
            ["to"] = leg.To.ToString(),
            ["asset"] = leg.Asset,
            ["amount"] = WireDecimal.Format(leg.Amount),
            ["endpoint"] = leg.Endpoint,
            ["parameters"] = parameters,
            ["account"] = leg.AccountName,
            ["kind"] = leg.Kind.ToString(),
        };
        if (leg.ClientTranId is not null) plan["clientTranId"] = leg.ClientTranId;
        return plan;
    }

    /// <summary>The id as a JSON number when it is digits (every Binance id is), else as text.</summary>
    public static JsonNode? Id(string? id) =>
        id is null ? null
        : long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? JsonValue.Create(n)
        : JsonValue.Create(id);
}
