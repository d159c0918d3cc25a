using System.Text.Json.Serialization;

namespace Ferry.Cli.Output.Json;

/// <summary><c>ferry transfer --dry-run</c> for a route of several legs: each leg, the total weights and the wallets in between.</summary>
internal sealed record RouteDryRunDocument(bool DryRun, TargetDocument Target, IReadOnlyList<RouteLegDocument> Legs, int IpWeight, int UidWeight,
    IReadOnlyList<string> Intermediates,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] PolicyPreviewDocument? Policy = null);
