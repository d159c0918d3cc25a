using System.Globalization;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Ferry.Server.Api;
using Ferry.Server.Events;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Ferry.Server.Endpoints;

/// <summary>
/// Live events (Server-Sent Events, <c>text/event-stream</c>) of running plans: each event's type is its SSE event name,
/// its id the run's sequence number, its data a <see cref="RunEventResponse"/> in JSON. With <c>plan</c>, that run's
/// events from its start (a late subscriber misses nothing) and the stream ends after <c>run-finished</c>; without, every
/// run's events from now on.
/// </summary>
internal static class EventEndpoints
{
    public static void Map(RouteGroupBuilder api, ServerContext server)
    {
        api.MapGet("/events", (string? plan, CancellationToken ct) =>
        {
            if (plan is null) return TypedResults.ServerSentEvents(Items(server.Runs.EverythingAsync(ct), ct));
            var track = server.Runs.Find(plan)
                ?? throw new ApiException(ApiException.StatusCodes.NotFound, "not-found", ApiException.Outcomes.NotSent,
                    $"No run of plan '{plan}' started on this server; execute the plan first");
            return TypedResults.ServerSentEvents(Items(OneRunAsync(track, ct), ct));
        }).WithName("StreamEvents")
            .WithSummary("Server-Sent Events of running plans (run-started, leg-planned, leg-done|rejected|unknown|not-executed, move-finished with progress counts, run-finished); 'plan' replays that run from its start and ends with it.")
            .Produces<RunEventResponse>(StatusCodes.Status200OK, "text/event-stream").ProducesProblem(404);
    }

    private static async IAsyncEnumerable<RunEventResponse> OneRunAsync(RunTrack track, [EnumeratorCancellation] CancellationToken ct)
    {
        var (past, live) = track.Subscribe();
        foreach (var e in past) yield return e;
        await foreach (var e in live.ReadAllAsync(ct).ConfigureAwait(false)) yield return e;
    }

    private static async IAsyncEnumerable<SseItem<string>> Items(IAsyncEnumerable<RunEventResponse> events, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var e in events.WithCancellation(ct).ConfigureAwait(false))
        {
            yield return new SseItem<string>(JsonSerializer.Serialize(e, ServerJsonContext.Default.RunEventResponse), e.Type)
            {
                EventId = e.Seq.ToString(CultureInfo.InvariantCulture),
            };
        }
    }
}
