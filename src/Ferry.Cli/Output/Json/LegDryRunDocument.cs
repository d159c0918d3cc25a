using System.Text.Json.Serialization;

namespace Ferry.Cli.Output.Json;

/// <summary><c>ferry transfer --dry-run</c> (and the managed moves') for one Binance leg; the legs and weights are absent for the managed moves.</summary>
internal sealed record LegDryRunDocument(bool DryRun, TargetDocument Target, LegPlanDocument Plan,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<RouteLegDocument>? Legs = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? IpWeight = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? UidWeight = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] PolicyPreviewDocument? Policy = null);
