using System.Net;
using System.Text.Json;

namespace Ferry.Server.Tests;

/// <summary>Live events (Server-Sent Events) of running plans: a plan's stream replays it from its start and ends with
/// it; the server-wide stream carries runs that start while it is open.</summary>
public sealed class EventTests : IAsyncLifetime
{
    private ApiHarness _api = null!;

    public async Task InitializeAsync() => _api = await ApiHarness.StartAsync();

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task A_plans_stream_replays_its_run_planned_done_and_finished_with_progress_counts()
    {
        var planId = await _api.PlanSpotToUsdmAsync("5");
        await _api.PostAsync($"/api/v1/plans/{planId}/execute");
        var entry = Assert.Single(_api.Journal());

        using var response = await _api.Client.GetAsync($"/api/v1/events?plan={planId}", HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var events = await ReadAsync(response, untilFinished: true);
        Assert.Equal(["run-started", "leg-planned", "leg-done", "move-finished", "run-finished"], events.Select(e => e.Name));
        Assert.Equal([1, 2, 3, 4, 5], events.Select(e => e.Data.GetProperty("seq").GetInt32()));
        Assert.All(events, e => Assert.Equal(planId, e.Data.GetProperty("planId").GetString()));
        Assert.Equal(0, events[0].Data.GetProperty("finished").GetInt32());
        Assert.Equal(entry.Id, events[2].Data.GetProperty("result").GetProperty("journalId").GetString());
        Assert.Equal(1, events[3].Data.GetProperty("finished").GetInt32());
        Assert.Equal(1, events[4].Data.GetProperty("total").GetInt32());
        Assert.Equal("done", events[4].Data.GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task The_server_wide_stream_carries_a_run_that_starts_while_it_is_open()
    {
        var planId = await _api.PlanSpotToUsdmAsync("2");
        using var response = await _api.Client.GetAsync("/api/v1/events", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reading = ReadAsync(response, untilFinished: true);

        // The stream's first event says the subscription is in place (it sent the headers), so the run's first event reaches it.
        await _api.PostAsync($"/api/v1/plans/{planId}/execute");

        var events = await reading;
        Assert.Equal("subscribed", events[0].Name);
        Assert.Equal("run-started", events[1].Name);
        Assert.Equal("run-finished", events[^1].Name);
        Assert.Equal("done", events[^1].Data.GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task A_plan_that_never_ran_has_no_stream()
    {
        var planId = await _api.PlanSpotToUsdmAsync("2");

        var response = await _api.GetAsync($"/api/v1/events?plan={planId}");

        await ProblemAssert.IsAsync(response, HttpStatusCode.NotFound, "not-found");
        Assert.Empty(_api.Journal());
    }

    private static async Task<List<(string Name, JsonElement Data)>> ReadAsync(HttpResponseMessage response, bool untilFinished)
    {
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        var events = new List<(string, JsonElement)>();
        string? name = null;
        while (await reader.ReadLineAsync() is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal)) name = line["event: ".Length..];
            else if (line.StartsWith("data: ", StringComparison.Ordinal)) events.Add((name!, JsonDocument.Parse(line["data: ".Length..]).RootElement.Clone()));
            if (untilFinished && events.Count > 0 && events[^1].Item1 == "run-finished") break;
        }
        return events;
    }
}
