using Ferry.Engine.Accounts;
using Ferry.Engine.Journal;
using Ferry.Server.Api;
using Ferry.Server.Plans;
using Ferry.Server.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace Ferry.Server.Endpoints;

/// <summary>The journal: list and show entries, reconcile unknown outcomes against the exchange's own record, resume a stopped route.</summary>
internal static partial class JournalEndpoints
{
    private const int MaxLimit = 1000;

    public static void Map(RouteGroupBuilder api, ServerContext server)
    {
        api.MapGet("/journal", async (string? state, string? limit, HttpContext context, CancellationToken ct) =>
        {
            var states = States(state);
            var count = QueryNumber.Read(limit, "limit", 100, 1, MaxLimit);
            await using var service = server.Open(context);
            var entries = await service.ListAsync(states, count, ct).ConfigureAwait(false);
            return TypedResults.Ok(new JournalListResponse([.. entries.Select(JournalResponses.Entry)]));
        }).WithName("ListJournal").WithSummary("Journal entries, newest first; state filters (comma-separated: planned, sending, done, rejected, unknown, not-executed).")
            .ProducesProblem(400);

        api.MapGet("/journal/{id}", async (string id, HttpContext context, CancellationToken ct) =>
        {
            await using var service = server.Open(context);
            var shown = await service.ShowAsync(id, ct).ConfigureAwait(false)
                ?? throw new ApiException(ApiException.StatusCodes.NotFound, "not-found", ApiException.Outcomes.NotSent, $"There is no journal entry '{id}'");
            return TypedResults.Ok(new JournalShowResponse(JournalResponses.Entry(shown.Entry), [.. shown.Events.Select(JournalResponses.Event)]));
        }).WithName("ShowJournalEntry").WithSummary("One journal entry (or 'latest') with every step it went through.").ProducesProblem(404);

        api.MapPost("/journal/reconcile", (HttpContext context, CancellationToken ct) => ReconcileAsync(server, null, ApiAccess.Caller(context), ct))
            .WithName("ReconcileJournal").WithSummary("Resolves every entry left sending or unknown against the exchange's history (does not wait out history lag); sends no transfer.")
            .WithMetadata(new RequiredScope(ApiScope.Plan)).ProducesProblem(422);

        api.MapPost("/journal/{id}/reconcile", (string id, HttpContext context, CancellationToken ct) => ReconcileAsync(server, id, ApiAccess.Caller(context), ct))
            .WithName("ReconcileJournalEntry").WithSummary("Resolves one entry against the exchange's history; sends no transfer.")
            .WithMetadata(new RequiredScope(ApiScope.Plan)).ProducesProblem(404).ProducesProblem(422);

        api.MapPost("/journal/{id}/resume", async (string id, HttpContext context, CancellationToken ct) =>
                TypedResults.Ok(RunResults.DoneOrThrow(await ResumeAsync(server, id, ApiAccess.Caller(context), personConfirmed: false, ct))))
            .WithName("ResumeRoute").WithSummary("Continues a route (its id, any leg's journal id, or 'latest') from its first leg not done; mainnet legs answer 428.")
            .WithMetadata(new RequiredScope(ApiScope.Execute))
            .ProducesProblem(404).ProducesProblem(409).ProducesProblem(422).ProducesProblem(428).ProducesProblem(502);
    }

    private static LegState[]? States(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        return [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(name =>
        {
            try
            {
                return LegStates.Parse(name.ToLowerInvariant());
            }
            catch (JournalCorruptException)
            {
                throw ApiException.BadInput($"state '{name}' is not a journal state; use planned, sending, done, rejected, unknown or not-executed");
            }
        })];
    }

    private static async Task<Ok<ReconcileResponse>> ReconcileAsync(ServerContext server, string? id, ApiCaller caller, CancellationToken ct) =>
        TypedResults.Ok(await ReconcileEntriesAsync(server, id, caller, ct).ConfigureAwait(false));

    /// <summary>Reconciles one entry (or every open one when <paramref name="id"/> is null); sends no transfer.</summary>
    internal static async Task<ReconcileResponse> ReconcileEntriesAsync(ServerContext server, string? id, ApiCaller caller, CancellationToken ct)
    {
        await using var service = server.Options.OpenService(caller.Requester);
        if (id is not null && await (await service.JournalAsync(ct).ConfigureAwait(false)).FindAsync(id, ct).ConfigureAwait(false) is null)
            throw new ApiException(ApiException.StatusCodes.NotFound, "not-found", ApiException.Outcomes.NotSent, $"There is no journal entry '{id}'");
        var results = await service.ReconcileAsync(id, wait: false, ct).ConfigureAwait(false);
        var open = results.Any(r => r.Entry.NeedsReconciliation);
        return new ReconcileResponse(open ? ApiException.Outcomes.Unknown : ApiException.Outcomes.Done,
            [.. results.Select(r => new ReconcileResultResponse(r.Entry.Id, LegStates.Name(r.State), r.Reason))]);
    }

    /// <summary>Resumes a route; one with a mainnet leg left only when a person typed CONFIRM in the dashboard
    /// (<paramref name="personConfirmed"/>; never from the API).</summary>
    internal static async Task<ExecutionResponse> ResumeAsync(ServerContext server, string id, ApiCaller caller, bool personConfirmed, CancellationToken ct)
    {
        await using var service = server.Options.OpenService(caller.Requester);
        var routeId = await service.FindRouteAsync(id, ct).ConfigureAwait(false)
            ?? throw new ApiException(ApiException.StatusCodes.NotFound, "not-found", ApiException.Outcomes.NotSent,
                $"There is no route '{id}' (a single transfer is not resumed: reconcile it)");
        var remaining = (await service.RouteLegsAsync(routeId, ct).ConfigureAwait(false)).SkipWhile(l => l.Entry.State == LegState.Done).Select(l => l.Entry.Leg).ToList();
        if (remaining.Count == 0) throw ApiException.Refused($"Route {routeId} is complete; there is nothing to resume");
        if (!personConfirmed && service.AccountsOf(remaining).Any(a => a.Environment == AccountEnvironment.Mainnet))
        {
            throw new ApiException(ApiException.StatusCodes.PreconditionRequired, "confirmation-required", ApiException.Outcomes.NotSent,
                $"Route {routeId} moves money on a MAINNET account, so a person must confirm resuming it; an API call cannot confirm for itself, and nothing was sent");
        }
        Log.Resuming(server.Logger, routeId, caller.Name);
        var execution = await service.ResumeAsync(routeId, ct).ConfigureAwait(false);
        var move = RunResults.Route("m1", execution.Route!, execution.LastSend);
        Log.Resumed(server.Logger, routeId, caller.Name, move.Outcome);
        return new ExecutionResponse(null, "resume", move.Outcome, [move], move.Message);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2201, Level = LogLevel.Information, Message = "api resume {RouteId} asked by token '{Caller}'")]
        public static partial void Resuming(ILogger logger, string routeId, string caller);

        [LoggerMessage(EventId = 2202, Level = LogLevel.Information, Message = "api resume {RouteId} asked by token '{Caller}': {Outcome}")]
        public static partial void Resumed(ILogger logger, string routeId, string caller, string outcome);
    }
}
