using System.Text.Json.Serialization;
using Ferry.Engine.Transfers;

namespace Ferry.Cli.Output.Json;

/// <summary>A leg as a dry run lists it: the plan's shape, then its position in the route and its weights.</summary>
internal record RouteLegDocument : LegPlanDocument
{
    public RouteLegDocument(TransferLeg leg, int position) : base(Of(leg))
    {
        Position = position;
        IpWeight = leg.EndpointRow.IpWeight;
        UidWeight = leg.EndpointRow.UidWeight;
    }

    [JsonPropertyOrder(1)] public int Position { get; }

    [JsonPropertyOrder(1)] public int IpWeight { get; }

    [JsonPropertyOrder(1)] public int UidWeight { get; }
}
