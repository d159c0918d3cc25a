using Ferry.Engine.Policy;

namespace Ferry.Server.Tests;

/// <summary>The transfer policy holds over the API: a move a rule blocks answers 422, kind refused, naming the rule;
/// nothing is journaled or sent, and a move the rule allows goes through.</summary>
public sealed class PolicyTests : IAsyncLifetime
{
    private ApiHarness _api = null!;

    public async Task InitializeAsync() => _api = await ApiHarness.StartAsync(h => h.Policy = PolicyFile.Parse("""
        default: allow
        rules:
          - name: api-small-moves
            match: { requester: token, asset: USDT }
            limit: { per-move: 4 }
            action: block
        """));

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task A_move_the_policy_blocks_is_refused_naming_the_rule_and_nothing_moves()
    {
        var spot = _api.Held(ApiHarness.Master, "SPOT");
        var planId = await _api.PlanSpotToUsdmAsync("5");

        var run = await _api.PostAsync($"/api/v1/plans/{planId}/execute");

        Assert.Equal(422, (int)run.StatusCode);
        var problem = await ApiHarness.JsonAsync(run);
        Assert.Equal("refused", problem.GetProperty("kind").GetString());
        Assert.Contains("api-small-moves", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty(_api.Journal());
        Assert.Equal(spot, _api.Held(ApiHarness.Master, "SPOT"));

        var allowed = await _api.PostAsync($"/api/v1/plans/{await _api.PlanSpotToUsdmAsync("4")}/execute");
        Assert.Equal(200, (int)allowed.StatusCode);
        Assert.Equal(spot - 4m, _api.Held(ApiHarness.Master, "SPOT"));
        // With no token configured, only loopback may call, and it asks as token:loopback.
        Assert.Equal("token:loopback", Assert.Single(_api.Journal()).Leg.Requester?.ToString());
    }
}
