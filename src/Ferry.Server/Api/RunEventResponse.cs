namespace Ferry.Server.Api;

/// <summary>
/// One step of a running plan, as the event stream carries it: <c>run-started</c>, <c>leg-planned</c>, <c>leg-done</c> /
/// <c>leg-rejected</c> / <c>leg-unknown</c> / <c>leg-not-executed</c> / <c>leg-unsent</c> (a leg's journaled state once
/// its move ended), <c>move-finished</c>, <c>run-finished</c>. <c>Finished</c> of <c>Total</c> moves have ended.
/// </summary>
public sealed record RunEventResponse(long Seq, string Type, string PlanId, string Kind, int Finished, int Total, string? MoveId = null,
    string? Outcome = null, PlanLegResponse? Leg = null, ExecutionLegResponse? Result = null, string? Message = null);
