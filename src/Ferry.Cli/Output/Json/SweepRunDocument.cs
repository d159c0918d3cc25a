namespace Ferry.Cli.Output.Json;

/// <summary>execute_plan for a sweep or rebalance: the run's outcome, each move's result, the tally and one sentence.</summary>
internal sealed record SweepRunDocument(string PlanId, string Kind, string RunId, string Outcome, IReadOnlyList<MoveResultDocument> Moves,
    MovesTallyDocument Summary, string Message);
