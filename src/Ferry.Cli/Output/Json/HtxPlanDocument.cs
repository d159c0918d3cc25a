using Ferry.Core.Money;
using Ferry.Engine.Transfers;

namespace Ferry.Cli.Output.Json;

/// <summary>A planned HTX spot ↔ swap transfer: where, what, the endpoint and its body's fields.</summary>
internal sealed record HtxPlanDocument(string From, string To, string Asset, string Amount, string Endpoint, IReadOnlyDictionary<string, string> Parameters)
{
    public static HtxPlanDocument Of(HtxTransferPlan plan) => new(plan.From.ToString(), plan.To.ToString(), plan.Asset,
        WireDecimal.Format(plan.Amount), plan.Endpoint, RequestParameters.Of(plan.Parameters));
}
