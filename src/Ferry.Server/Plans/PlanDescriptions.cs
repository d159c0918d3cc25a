using Ferry.Core.Money;
using Ferry.Engine.Accounts;
using Ferry.Engine.Transfers;
using Ferry.Server.Api;

namespace Ferry.Server.Plans;

/// <summary>How planned legs are shown: endpoint, account, environment, weights and parameters; never a key.</summary>
internal static class PlanDescriptions
{
    public static PlanLegResponse Leg(ITransferPlan leg, int index, AccountEnvironment environment)
    {
        var (ip, uid) = leg is TransferLeg binance ? (binance.EndpointRow.IpWeight, binance.EndpointRow.UidWeight) : (0, 0);
        return new PlanLegResponse(index, leg.AccountName, Environment(environment), leg.Endpoint, leg.From.ToString(), leg.To.ToString(), leg.Asset,
            WireDecimal.Format(leg.Amount), ip, uid, [.. leg.Parameters.Select(p => new PlanParameterResponse(p.Key, p.Value))]);
    }

    public static string Environment(AccountEnvironment environment) => environment.ToString().ToLowerInvariant();
}
