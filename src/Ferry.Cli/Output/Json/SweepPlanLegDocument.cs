using System.Text.Json.Serialization;
using Ferry.Engine.Transfers;

namespace Ferry.Cli.Output.Json;

/// <summary>A leg of a planned sweep or rebalance move as plan_sweep shows it: the dry run's leg plus its account's environment.</summary>
internal sealed record SweepPlanLegDocument : RouteLegDocument
{
    public SweepPlanLegDocument(TransferLeg leg, int position, string environment) : base(leg, position) => Environment = environment;

    [JsonPropertyOrder(2)] public string Environment { get; }
}
