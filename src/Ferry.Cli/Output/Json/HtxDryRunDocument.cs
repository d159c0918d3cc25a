using System.Text.Json.Serialization;

namespace Ferry.Cli.Output.Json;

/// <summary><c>ferry transfer --dry-run</c> for an HTX transfer.</summary>
internal sealed record HtxDryRunDocument(bool DryRun, TargetDocument Target, HtxPlanDocument Plan,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] PolicyPreviewDocument? Policy = null);
