using System.Text.Json.Serialization;

namespace Ferry.Cli.Output.Json;

/// <summary>What one HTX transfer did: as <see cref="LegReportDocument"/>, with HTX's transfer id.</summary>
internal sealed record HtxReportDocument(string JournalId, TargetDocument Target, HtxPlanDocument Plan, string Outcome, ExchangeIdValue? TransferId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ExchangeErrorDocument? Error,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Message);
