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
/// run's events from now on, after a first <c>subscribed</c> event.
/// </summary>
internal static class EventEndpoints
{
    public static void Map(RouteGroupBuilder api, ServerContext server)
    {
        api.MapGet("/events", (string? plan, CancellationToken ct) =>
        {
            if (plan is null) return TypedResults.ServerSentEvents(Opened(Items(server.Runs.Everything(ct), ct), ct));
            var track = server.Runs.Find(plan)
                ?? throw new ApiException(ApiException.StatusCodes.NotFound, "not-found", ApiException.Outcomes.NotSent,
                    $"No run of plan '{plan}' started on this server; execute the plan first");
            return TypedResults.ServerSentEvents(Items(OneRunAsync(track, ct), ct));
        }).WithName("StreamEvents")
            .WithSummary("Server-Sent Events of running plans (without 'plan': first 'subscribed', then every run's events; run-started, leg-planned, leg-done|rejected|unknown|not-executed, move-finished with progress counts, run-finished); 'plan' replays that run from its start and ends with it.")
            .Produces<RunEventResponse>(StatusCodes.Status200OK, "text/event-stream").ProducesProblem(404);
    }

    private static IAsyncEnumerable<RunEventResponse> OneRunAsync(RunTrack track, CancellationToken ct)
    {
        var (past, live) = track.Subscribe();
        return ReplayAsync(past, live, ct);
    }

    private static async IAsyncEnumerable<RunEventResponse> ReplayAsync(IReadOnlyList<RunEventResponse> past, System.Threading.Channels.ChannelReader<RunEventResponse> live,
        [EnumeratorCancellation] CancellationToken ct)
    {
        foreach (var e in past) yield return e;
        await foreach (var e in live.ReadAllAsync(ct).ConfigureAwait(false)) yield return e;
    }

    /// <summary>A first event, <c>subscribed</c>, so the answer's headers leave at once and the caller knows the
    /// subscription is in place before it starts a run.</summary>
    private static async IAsyncEnumerable<SseItem<string>> Opened(IAsyncEnumerable<SseItem<string>> items, [EnumeratorCancellation] CancellationToken ct)
    {
        yield return new SseItem<string>("{}", "subscribed");
        await foreach (var item in items.WithCancellation(ct).ConfigureAwait(false)) yield return item;
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
