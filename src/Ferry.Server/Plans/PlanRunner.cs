using Ferry.Server.Api;
using Ferry.Server.Events;
using Ferry.Server.Security;
using Microsoft.Extensions.Logging;

namespace Ferry.Server.Plans;

/// <summary>
/// The one way a plan runs, for the API and the dashboard alike: a mainnet plan needs the confirmation a person gave in
/// the dashboard for that plan id (the API never has one, so it answers 428), the plan book lets it run once, and every
/// step goes to the plan's <see cref="RunTrack"/> for the event stream.
/// </summary>
internal static partial class PlanRunner
{
    /// <summary>Refuses (428, replayed, expired, unknown) or claims the plan; nothing is sent yet.</summary>
    public static (ServerPlan Plan, RunTrack Track) Claim(ServerContext server, string planId)
    {
        var plan = server.Plans.Find(planId);
        if (plan.TouchesMainnet && !server.Confirmations.Take(planId))
        {
            // Design principle 7: no mainnet move without a person's CONFIRM, and an API caller cannot be that person.
            throw new ApiException(ApiException.StatusCodes.PreconditionRequired, "confirmation-required", ApiException.Outcomes.NotSent,
                $"Plan {planId} moves money on a MAINNET account, so a person must confirm it; an API call cannot confirm for itself, and nothing was sent")
            { PlanId = planId };
        }
        plan = server.Plans.Claim(planId);
        return (plan, server.Runs.Begin(planId, plan.Kind, plan.Moves.Count));
    }

    /// <summary>Sends a claimed plan through the engine's door; the answer is the run whatever its outcome.</summary>
    public static async Task<ExecutionResponse> RunAsync(ServerContext server, ServerPlan plan, RunTrack track, ApiCaller caller, CancellationToken ct)
    {
        track.Started();
        track.Planned(plan.Moves);
        Log.Executing(server.Logger, track.PlanId, plan.Kind, caller.Name);
        try
        {
            await using var service = server.Options.OpenService(caller.Requester);
            var run = await plan.ExecuteAsync(track.PlanId, service, track.MoveFinished, ct).ConfigureAwait(false);
            // The log line ties the journal ids to the token's name.
            Log.Executed(server.Logger, track.PlanId, caller.Name, run.Outcome, string.Join(",", run.Moves.SelectMany(m => m.Legs).Select(l => l.JournalId)));
            track.End(run);
            return run;
        }
        catch (Exception e)
        {
            track.Fail(ApiErrors.Map(e));
            throw;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2101, Level = LogLevel.Information, Message = "api execute {PlanId} ({Kind}) asked by token '{Caller}'")]
        public static partial void Executing(ILogger logger, string planId, string kind, string caller);

        [LoggerMessage(EventId = 2102, Level = LogLevel.Information, Message = "api execute {PlanId} asked by token '{Caller}': {Outcome}, journal entries {JournalIds}")]
        public static partial void Executed(ILogger logger, string planId, string caller, string outcome, string journalIds);
    }
}
