using System.Text.Json.Serialization;

namespace Ferry.Cli.Output.Json;

/// <summary>What one Binance leg did (<c>ferry transfer</c>, <c>ferry managed deposit|withdraw</c>): the exchange's error when it
/// refused, a message when the outcome is unknown or nothing was sent.</summary>
internal sealed record LegReportDocument(string JournalId, TargetDocument Target, LegPlanDocument Plan, string Outcome, ExchangeIdValue? TranId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ExchangeErrorDocument? Error,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Message);
