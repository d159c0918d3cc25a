using System.Net;
using Ferry.Simulator.Faults;
using Ferry.Simulator.Scenario;

namespace Ferry.Simulator.Tests;

/// <summary>The fault SPEC, its determinism for a seed, the admin endpoint and the scenario section.</summary>
public sealed class FaultTests
{
    [Fact]
    public void Spec_parses_kinds_paths_and_settings()
    {
        var plan = FaultPlan.Parse("latency=0.5, drop-after-commit@/sapi/v1/asset/transfer=0.25,history-lag=1,latency-ms=7,skew-ms=9,history-lag-ms=11,retry-after-s=0");
        Assert.Equal(3, plan.Rules.Count);
        Assert.Equal(new FaultRule(FaultKind.DropAfterCommit, 0.25, "/sapi/v1/asset/transfer"), plan.Rules[1]);
        Assert.Equal((7, 9, 11, 0), (plan.LatencyMs, plan.SkewMs, plan.HistoryLagMs, plan.RetryAfterSeconds));
        Assert.Equal(plan.ToString(), FaultPlan.Parse(plan.ToString()).ToString());
    }

    [Theory]
    [InlineData("explode=0.1", "'explode' is not a fault kind")]
    [InlineData("throttle=2", "a rate is a fraction from 0 to 1")]
    [InlineData("throttle", "is not KIND=RATE")]
    [InlineData("throttle@sapi=0.1", "does not start with '/'")]
    [InlineData("latency-ms=-1", "is not a whole number")]
    public void Bad_specs_are_refused_with_one_sentence(string spec, string expected) =>
        Assert.Contains(expected, Assert.Throws<FormatException>(() => FaultPlan.Parse(spec)).Message);

    [Fact]
    public void History_lag_draws_are_a_function_of_seed_and_move()
    {
        var clock = new SkewClock(TimeProvider.System);
        var plan = FaultPlan.Parse("history-lag=0.5,history-lag-ms=100");
        var a = new FaultInjector(plan, 3, clock);
        var b = new FaultInjector(plan, 3, clock);
        var lags = Enumerable.Range(0, 200).Select(i => a.HistoryLagOf(100_000_001 + i)).ToList();
        Assert.Equal(lags, Enumerable.Range(0, 200).Select(i => b.HistoryLagOf(100_000_001 + i)));
        Assert.InRange(lags.Count(l => l == 100), 60, 140);
    }

    [Fact]
    public async Task Admin_endpoint_reads_and_replaces_the_plan_and_fail_before_commit_answers_500()
    {
        await using var host = await SimulatorHost.StartAsync(new SimulatorOptions { Scenario = ScenarioDocument.Demo() });
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        var set = await http.PostAsync("/_sim/faults?spec=fail-before-commit@/api/v3/time=1&seed=9", null);
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Contains("fail-before-commit@/api/v3/time=1", await set.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.InternalServerError, (await http.GetAsync("/api/v3/time")).StatusCode);
        Assert.Equal(9, host.Faults.Seed);
        var bad = await http.PostAsync("/_sim/faults?spec=nope=1", null);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        await http.PostAsync("/_sim/faults?spec=", null);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/v3/time")).StatusCode);
    }

    [Fact]
    public async Task Drop_after_commit_resets_the_connection_and_throttle_answers_429()
    {
        await using var host = await SimulatorHost.StartAsync(new SimulatorOptions
        {
            Scenario = ScenarioDocument.Demo(), Faults = FaultPlan.Parse("drop-after-commit@/api/v3/time=1,throttle@/_none=1"), FaultSeed = 1,
        });
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync("/api/v3/time"));
        host.Faults.Reset(FaultPlan.Parse("throttle=1,retry-after-s=3"), 1);
        var throttled = await http.GetAsync("/api/v3/time");
        Assert.Equal((HttpStatusCode)429, throttled.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(3), throttled.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public void The_scenario_can_carry_faults()
    {
        var doc = ScenarioDocument.Parse("""{"faults": {"spec": "throttle=0.5", "seed": 4}}""");
        Assert.Equal(FaultKind.Throttle, doc.Faults!.Rules.Single().Kind);
        Assert.Equal(4, doc.FaultSeed);
        Assert.Throws<ScenarioException>(() => ScenarioDocument.Parse("""{"faults": {"spec": "nope=1"}}"""));
    }
}
