using System.Text.Json.Serialization;

namespace Ferry.Cli.Output.Json;

/// <summary>A JSON line of <c>ferry sweep|rebalance --dry-run</c>: the move, "planned", and its legs.</summary>
internal sealed record PlannedMoveLineDocument : MoveDocument
{
    public PlannedMoveLineDocument(MoveDocument move, IReadOnlyList<LegPlanDocument> legs) : base(move) => Legs = legs;

    [JsonPropertyOrder(1)] public string Outcome => "planned";

    [JsonPropertyOrder(1)] public IReadOnlyList<LegPlanDocument> Legs { get; }
}
