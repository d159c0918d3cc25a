using System.Text.Json.Serialization;
using Ferry.Core.Money;
using Ferry.Engine.Transfers;

namespace Ferry.Cli.Output.Json;

/// <summary>A leg as plan_transfer shows it: the plan's shape, then its index, its account's environment, summary and weights.
/// An HTX leg has the same shape: its summary is the ledger's direction, and its weights are 0 (HTX counts requests, not weight).</summary>
internal sealed record TransferPlanLegDocument : LegPlanDocument
{
    private TransferPlanLegDocument(LegPlanDocument plan, int index, string environment, string summary, int ipWeight, int uidWeight) : base(plan)
    {
        Index = index;
        Environment = environment;
        Summary = summary;
        IpWeight = ipWeight;
        UidWeight = uidWeight;
    }

    /// <summary>The document of leg <paramref name="index"/> (from 1) on either venue.</summary>
    public static TransferPlanLegDocument Of(ITransferPlan leg, int index, string environment) => leg switch
    {
        TransferLeg binance => new(Of(binance), index, environment, binance.Summary, binance.EndpointRow.IpWeight, binance.EndpointRow.UidWeight),
        HtxTransferPlan htx => new(new LegPlanDocument(htx.From.ToString(), htx.To.ToString(), htx.Asset, WireDecimal.Format(htx.Amount), htx.Endpoint,
            RequestParameters.Of(htx.Parameters), htx.AccountName, HtxTransferPlan.JournalKind, null), index, environment, htx.Direction, 0, 0),
        _ => throw new ArgumentException($"No plan document for a {leg.GetType().Name}.", nameof(leg)),
    };

    [JsonPropertyOrder(1)] public int Index { get; }

    [JsonPropertyOrder(1)] public string Environment { get; }

    [JsonPropertyOrder(1)] public string Summary { get; }

    [JsonPropertyOrder(1)] public int IpWeight { get; }

    [JsonPropertyOrder(1)] public int UidWeight { get; }
}
