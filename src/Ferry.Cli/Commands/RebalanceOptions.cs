namespace Ferry.Cli.Commands;

/// <summary>What <c>ferry rebalance</c> was asked for: the plan file's path and how to run it.</summary>
internal sealed record RebalanceOptions(string PlanPath, int Parallel, bool DryRun, bool Confirm, bool Json, string? Account)
{
    /// <summary>Queue the planned moves for workers instead of running them (--queue).</summary>
    public bool Queue { get; init; }
}
