using System.Text.Json.Serialization;
using Ferry.Core.Money;
using Ferry.Engine.Transfers;

namespace Ferry.Cli.Output.Json;

/// <summary>A planned leg of any endpoint kind: where, what, which endpoint with which parameters, and whose key.</summary>
internal record LegPlanDocument(string From, string To, string Asset, string Amount, string Endpoint,
    IReadOnlyDictionary<string, string> Parameters, string Account, string Kind,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ClientTranId)
{
    public static LegPlanDocument Of(TransferLeg leg) => new(leg.From.ToString(), leg.To.ToString(), leg.Asset, WireDecimal.Format(leg.Amount),
        leg.Endpoint, RequestParameters.Of(leg.Parameters), leg.AccountName, leg.Kind.ToString(), leg.ClientTranId);
}
