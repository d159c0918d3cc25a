namespace Ferry.Cli.Output.Json;

/// <summary>execute_plan for a transfer plan: the route's outcome, where the money is, and every leg that ran. A lone HTX
/// transfer is one leg and no route, so its <paramref name="RouteId"/> is null.</summary>
internal sealed record TransferRunDocument(string PlanId, string Kind, string? RouteId, string Outcome, string Holding,
    IReadOnlyList<TransferRunLegDocument> Legs, int LegsRun, int LegsTotal, string Message);
