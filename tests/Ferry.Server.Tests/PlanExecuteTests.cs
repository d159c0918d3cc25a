using System.Net;
using Ferry.Engine.Journal;
using Ferry.Simulator.Faults;

namespace Ferry.Server.Tests;

/// <summary>Plan (sends nothing), execute once, replay and expiry refused; sweep; an unknown outcome reconciled.</summary>
public sealed class PlanExecuteTests : IAsyncLifetime
{
    private ApiHarness _api = null!;

    public async Task InitializeAsync() => _api = await ApiHarness.StartAsync();

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task A_plan_shows_legs_endpoints_accounts_and_weights_and_sends_nothing()
    {
        var movesBefore = _api.Host.History().Count;

        var response = await _api.PostAsync("/api/v1/plans/transfer", """{"amount":"5","asset":"USDT","from":"spot","to":"usdm"}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var plan = await ApiHarness.JsonAsync(response);
        Assert.StartsWith("plan_", plan.GetProperty("planId").GetString());
        Assert.Equal("transfer", plan.GetProperty("kind").GetString());
        Assert.False(plan.GetProperty("sent").GetBoolean());
        Assert.False(plan.GetProperty("needsConfirmation").GetBoolean());
        Assert.True(plan.GetProperty("expiresAt").GetDateTimeOffset() > _api.Clock.GetUtcNow());
        var leg = Assert.Single(Assert.Single(plan.GetProperty("moves").EnumerateArray()).GetProperty("legs").EnumerateArray());
        Assert.Equal("POST /sapi/v1/asset/transfer", leg.GetProperty("endpoint").GetString());
        Assert.Equal("main", leg.GetProperty("account").GetString());
        Assert.Equal("sim", leg.GetProperty("environment").GetString());
        Assert.Equal("5", leg.GetProperty("amount").GetString());
        Assert.True(leg.GetProperty("uidWeight").GetInt32() > 0);
        Assert.Contains(leg.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "type" && p.GetProperty("value").GetString() == "MAIN_UMFUTURE");
        Assert.Empty(_api.Journal());
        Assert.Equal(movesBefore, _api.Host.History().Count);
    }

    [Fact]
    public async Task Execute_moves_once_and_a_second_execute_of_the_same_plan_is_refused()
    {
        var spot = _api.Held(ApiHarness.Master, "SPOT");
        var planId = await _api.PlanSpotToUsdmAsync("5");

        var run = await _api.PostAsync($"/api/v1/plans/{planId}/execute");

        Assert.Equal(HttpStatusCode.OK, run.StatusCode);
        var body = await ApiHarness.JsonAsync(run);
        Assert.Equal("done", body.GetProperty("outcome").GetString());
        Assert.Equal(planId, body.GetProperty("planId").GetString());
        Assert.Equal(spot - 5m, _api.Held(ApiHarness.Master, "SPOT"));
        var entry = Assert.Single(_api.Journal());
        Assert.Equal(LegState.Done, entry.State);

        var replay = await _api.PostAsync($"/api/v1/plans/{planId}/execute");

        var problem = await ProblemAssert.IsAsync(replay, HttpStatusCode.Conflict, "replayed");
        Assert.Equal(planId, problem.GetProperty("planId").GetString());
        Assert.Single(_api.Journal());
        Assert.Equal(spot - 5m, _api.Held(ApiHarness.Master, "SPOT"));
        Assert.Contains(_api.LogLines, l => l.Contains($"api execute {planId} asked by token 'loopback': done, journal entries {entry.Id}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Two_executes_of_one_plan_at_once_move_it_once()
    {
        var spot = _api.Held(ApiHarness.Master, "SPOT");
        var planId = await _api.PlanSpotToUsdmAsync("3");

        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => _api.PostAsync($"/api/v1/plans/{planId}/execute")));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
        Assert.Equal(3, answers.Count(a => a.StatusCode == HttpStatusCode.Conflict));
        Assert.Single(_api.Journal());
        Assert.Equal(spot - 3m, _api.Held(ApiHarness.Master, "SPOT"));
    }

    [Fact]
    public async Task Different_plans_executed_at_once_each_move_exactly_once()
    {
        // Requests run concurrently, each through its own engine door on one journal: no request may take another's
        // in-flight leg for a crashed one.
        var spot = _api.Held(ApiHarness.Master, "SPOT");
        var plans = new List<string>();
        for (var i = 1; i <= 6; i++) plans.Add(await _api.PlanSpotToUsdmAsync(i.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        var answers = await Task.WhenAll(plans.Select(p => _api.PostAsync($"/api/v1/plans/{p}/execute")));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.Equal(6, _api.Journal().Count);
        Assert.All(_api.Journal(), e => Assert.Equal(LegState.Done, e.State));
        Assert.Equal(spot - 21m, _api.Held(ApiHarness.Master, "SPOT"));
        Assert.Equal(6, _api.Host.History().Count(m => m.Asset == "USDT" && m.Type == "MAIN_UMFUTURE"));
    }

    [Fact]
    public async Task An_expired_plan_is_refused_and_sends_nothing()
    {
        var planId = await _api.PlanSpotToUsdmAsync("5");
        _api.Clock.Advance(TimeSpan.FromMinutes(5));

        var response = await _api.PostAsync($"/api/v1/plans/{planId}/execute");

        await ProblemAssert.IsAsync(response, HttpStatusCode.Gone, "expired");
        Assert.Empty(_api.Journal());
    }

    [Theory]
    [InlineData("plan_000000000000000000000000")]
    [InlineData("not-a-plan")]
    public async Task An_unknown_or_altered_plan_id_is_refused(string planId)
    {
        var real = await _api.PlanSpotToUsdmAsync("5");
        var altered = planId == "not-a-plan" ? real[..^1] + (real[^1] == '0' ? '1' : '0') : planId;

        var response = await _api.PostAsync($"/api/v1/plans/{altered}/execute");

        await ProblemAssert.IsAsync(response, HttpStatusCode.NotFound, "not-found");
        Assert.Empty(_api.Journal());
    }

    [Fact]
    public async Task A_mainnet_plan_needs_a_persons_confirmation_and_the_api_cannot_give_it()
    {
        var planId = await _api.PlanSpotToUsdmAsync("5", account: "live");

        var plan = await _api.PostAsync("/api/v1/plans/transfer", """{"amount":"5","asset":"USDT","from":"spot","to":"usdm","account":"live"}""");
        Assert.True((await ApiHarness.JsonAsync(plan)).GetProperty("needsConfirmation").GetBoolean());
        var response = await _api.PostAsync($"/api/v1/plans/{planId}/execute");

        var problem = await ProblemAssert.IsAsync(response, (HttpStatusCode)428, "confirmation-required");
        Assert.Equal(planId, problem.GetProperty("planId").GetString());
        Assert.Contains("MAINNET", problem.GetProperty("detail").GetString());
        Assert.Empty(_api.Journal());
        Assert.DoesNotContain("live", _api.Opened);
    }

    [Fact]
    public async Task An_HTX_move_plans_and_executes_through_the_same_endpoints()
    {
        var planResponse = await _api.PostAsync("/api/v1/plans/transfer", """{"amount":"3","asset":"USDT","from":"htx:spot","to":"htx:swap"}""");
        Assert.Equal(HttpStatusCode.OK, planResponse.StatusCode);
        var plan = await ApiHarness.JsonAsync(planResponse);
        Assert.Equal("htx", plan.GetProperty("account").GetString());

        var run = await _api.PostAsync($"/api/v1/plans/{plan.GetProperty("planId").GetString()}/execute");

        Assert.Equal(HttpStatusCode.OK, run.StatusCode);
        Assert.Equal("htx", Assert.Single(_api.Journal()).Leg.Venue);
    }

    [Fact]
    public async Task A_sweep_plans_from_balances_and_executes_its_moves()
    {
        var response = await _api.PostAsync("/api/v1/plans/sweep", """{"asset":"USDT","to":"spot","keep":"10"}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var plan = await ApiHarness.JsonAsync(response);
        Assert.Equal("sweep", plan.GetProperty("kind").GetString());
        var moves = plan.GetProperty("moves").EnumerateArray().ToList();
        Assert.NotEmpty(moves);
        Assert.Empty(_api.Journal());

        var run = await _api.PostAsync($"/api/v1/plans/{plan.GetProperty("planId").GetString()}/execute");

        Assert.Equal(HttpStatusCode.OK, run.StatusCode);
        var body = await ApiHarness.JsonAsync(run);
        Assert.Equal(moves.Count, body.GetProperty("moves").GetArrayLength());
        Assert.All(_api.Journal(), e => Assert.Equal(LegState.Done, e.State));
        Assert.Equal(10m, _api.Held(ApiHarness.Alice, "SPOT"));
    }

    [Fact]
    public async Task An_answer_lost_after_commit_is_unknown_then_reconciled_done_and_never_sent_twice()
    {
        var spot = _api.Held(ApiHarness.Master, "SPOT");
        var planId = await _api.PlanSpotToUsdmAsync("7");
        _api.Host.Faults.Reset(FaultPlan.Parse("drop-after-commit@/sapi/v1/asset/transfer=1"), seed: 7);

        var run = await _api.PostAsync($"/api/v1/plans/{planId}/execute");

        var problem = await ProblemAssert.IsAsync(run, HttpStatusCode.BadGateway, "unknown", "unknown");
        Assert.Equal("unknown", problem.GetProperty("run").GetProperty("outcome").GetString());
        Assert.Equal(LegState.Unknown, Assert.Single(_api.Journal()).State);
        _api.Host.Faults.Reset(FaultPlan.None, seed: 0);

        var reconcile = await _api.PostAsync("/api/v1/journal/reconcile");

        Assert.Equal(HttpStatusCode.OK, reconcile.StatusCode);
        var result = await ApiHarness.JsonAsync(reconcile);
        Assert.Equal("done", result.GetProperty("outcome").GetString());
        Assert.Equal("done", Assert.Single(result.GetProperty("results").EnumerateArray()).GetProperty("state").GetString());
        Assert.Equal(LegState.Done, Assert.Single(_api.Journal()).State);
        Assert.Equal(spot - 7m, _api.Held(ApiHarness.Master, "SPOT"));
    }
}
