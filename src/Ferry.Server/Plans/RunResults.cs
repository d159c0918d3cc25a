using Ferry.Core.Outcomes;
using Ferry.Engine.Execution;
using Ferry.Engine.Journal;
using Ferry.Server.Api;

namespace Ferry.Server.Plans;

/// <summary>What a run did, in the API's words: each move's outcome, where its money is, and its legs as journaled.</summary>
internal static class RunResults
{
    /// <summary>A route's run: done when complete, unknown when a leg stayed unknown, else how its stopped leg ended.</summary>
    public static ExecutionMoveResponse Route(string moveId, RouteResult route, LegSendResult? last) =>
        new(moveId, route.Status switch
        {
            RouteStatus.Complete => ApiException.Outcomes.Done,
            RouteStatus.Unknown => ApiException.Outcomes.Unknown,
            _ => last?.Kind == OutcomeKind.NotSent ? ApiException.Outcomes.NotSent : ApiException.Outcomes.Rejected,
        }, route.RouteId, route.Holding, [.. route.Legs.Select(l => Leg(l.Position, l.Entry))], route.Message);

    /// <summary>A lone transfer (HTX) as a move of one leg: where the money is follows from its outcome.</summary>
    public static ExecutionMoveResponse Lone(string moveId, JournalEntry entry, LegSendResult last)
    {
        var (from, to) = (entry.Leg.From, entry.Leg.To);
        var (holding, message) = last.Kind switch
        {
            OutcomeKind.Done => (to, $"Journal entry {entry.Id} is done: the money is in {to}."),
            OutcomeKind.Unknown => ($"{from} or {to}", $"The outcome of journal entry {entry.Id} is UNKNOWN, so the money is in {from} or {to}; reconcile it."),
            _ => (from, $"Journal entry {entry.Id} moved nothing ({last.Message.TrimEnd('.')}); the money is still in {from}."),
        };
        return new ExecutionMoveResponse(moveId, Outcome(last.Kind), null, holding, [Leg(1, entry)], message);
    }

    public static ExecutionLegResponse Leg(int position, JournalEntry entry) => new(position, entry.Id, LegStates.Name(entry.State), entry.Leg.Endpoint,
        entry.Leg.AccountName, entry.ExchangeId, entry.ErrorCode, entry.State is LegState.Done or LegState.Planned ? null : entry.Message);

    public static string Outcome(OutcomeKind kind) => kind switch
    {
        OutcomeKind.Done => ApiException.Outcomes.Done,
        OutcomeKind.Rejected => ApiException.Outcomes.Rejected,
        OutcomeKind.Unknown => ApiException.Outcomes.Unknown,
        _ => ApiException.Outcomes.NotSent,
    };

    /// <summary>The worst outcome among the moves: unknown, then rejected, then not-sent, else done.</summary>
    public static string Worst(IEnumerable<string> outcomes)
    {
        var all = outcomes.ToList();
        foreach (var outcome in new[] { ApiException.Outcomes.Unknown, ApiException.Outcomes.Rejected, ApiException.Outcomes.NotSent })
        {
            if (all.Contains(outcome)) return outcome;
        }
        return ApiException.Outcomes.Done;
    }

    /// <summary>The run as the answer: done is 200; anything else a problem that carries the run (502 when unknown, as it may have executed).</summary>
    public static ExecutionResponse DoneOrThrow(ExecutionResponse run)
    {
        if (run.Outcome == ApiException.Outcomes.Done) return run;
        var (status, kind) = run.Outcome switch
        {
            ApiException.Outcomes.Unknown => (ApiException.StatusCodes.BadGateway, "unknown"),
            ApiException.Outcomes.Rejected => (ApiException.StatusCodes.Unprocessable, "rejected"),
            _ => (ApiException.StatusCodes.Unprocessable, "refused"),
        };
        throw new ApiException(status, kind, run.Outcome, run.Message) { PlanId = run.PlanId, Run = run };
    }
}
