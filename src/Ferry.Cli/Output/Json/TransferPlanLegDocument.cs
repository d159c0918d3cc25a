using System.Text.Json.Serialization;
using Ferry.Engine.Transfers;

namespace Ferry.Cli.Output.Json;

/// <summary>A leg as plan_transfer shows it: the plan's shape, then its index, its account's environment, summary and weights.</summary>
internal sealed record TransferPlanLegDocument : LegPlanDocument
{
    public TransferPlanLegDocument(TransferLeg leg, int index, string environment) : base(Of(leg))
    {
        Index = index;
        Environment = environment;
        Summary = leg.Summary;
        IpWeight = leg.EndpointRow.IpWeight;
        UidWeight = leg.EndpointRow.UidWeight;
    }

    [JsonPropertyOrder(1)] public int Index { get; }

    [JsonPropertyOrder(1)] public string Environment { get; }

    [JsonPropertyOrder(1)] public string Summary { get; }

    [JsonPropertyOrder(1)] public int IpWeight { get; }

    [JsonPropertyOrder(1)] public int UidWeight { get; }
}
