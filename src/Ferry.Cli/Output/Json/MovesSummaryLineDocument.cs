using System.Text.Json.Serialization;

namespace Ferry.Cli.Output.Json;

/// <summary>The last JSON line of <c>ferry sweep|rebalance</c>: <c>summary: true</c>, whether it was a dry run, then the tally.</summary>
internal sealed record MovesSummaryLineDocument : MovesTallyDocument
{
    public MovesSummaryLineDocument(MovesTallyDocument tally, bool dryRun) : base(tally) => DryRun = dryRun;

    [JsonPropertyOrder(-1)] public bool Summary => true;

    [JsonPropertyOrder(-1)] public bool DryRun { get; }
}
