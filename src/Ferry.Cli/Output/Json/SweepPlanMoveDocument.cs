using System.Text.Json.Serialization;

namespace Ferry.Cli.Output.Json;

/// <summary>A planned move as plan_sweep/plan_rebalance show it: the move, its legs, its weights.</summary>
internal sealed record SweepPlanMoveDocument : MoveDocument
{
    public SweepPlanMoveDocument(MoveDocument move, IReadOnlyList<SweepPlanLegDocument> legs, int ipWeight, int uidWeight) : base(move)
    {
        Legs = legs;
        IpWeight = ipWeight;
        UidWeight = uidWeight;
    }

    [JsonPropertyOrder(1)] public IReadOnlyList<SweepPlanLegDocument> Legs { get; }

    [JsonPropertyOrder(1)] public int IpWeight { get; }

    [JsonPropertyOrder(1)] public int UidWeight { get; }
}
