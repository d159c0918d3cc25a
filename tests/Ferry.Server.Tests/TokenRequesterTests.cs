using Ferry.Engine.Policy;
using Ferry.Server.Security;

namespace Ferry.Server.Tests;

/// <summary>Each API request asks as its own token (<c>token:NAME</c>): a policy rule can single one token out, and the
/// journal records which token moved the money.</summary>
public sealed class TokenRequesterTests : IAsyncLifetime
{
    private ApiHarness _api = null!;
    private readonly Dictionary<string, string> _tokens = [];

    public async Task InitializeAsync() => _api = await ApiHarness.StartAsync(api =>
    {
        foreach (var name in new[] { "ci-bot", "desk" }) _tokens[name] = api.Tokens.Add(name, ApiScope.Execute);
        api.Policy = PolicyFile.Parse("""
            default: allow
            rules:
              - name: no-ci-moves
                match: { requester: "token:ci-bot" }
                action: block
            """);
    });

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task A_rule_naming_one_token_blocks_that_token_only_and_the_journal_names_the_token_that_moved()
    {
        var spot = _api.Held(ApiHarness.Master, "SPOT");

        var blocked = await _api.PostAsync($"/api/v1/plans/{await _api.PlanSpotToUsdmAsync("3", _tokens["ci-bot"])}/execute", token: _tokens["ci-bot"]);

        Assert.Equal(422, (int)blocked.StatusCode);
        Assert.Contains("no-ci-moves", (await ApiHarness.JsonAsync(blocked)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty(_api.Journal());
        Assert.Equal(spot, _api.Held(ApiHarness.Master, "SPOT"));

        // A plan made by one token and executed by another asks as the one that executes it.
        var moved = await _api.PostAsync($"/api/v1/plans/{await _api.PlanSpotToUsdmAsync("3", _tokens["ci-bot"])}/execute", token: _tokens["desk"]);

        Assert.Equal(200, (int)moved.StatusCode);
        var entry = Assert.Single(_api.Journal());
        Assert.Equal("token:desk", entry.Leg.Requester?.ToString());
        Assert.Equal(spot - 3m, _api.Held(ApiHarness.Master, "SPOT"));
    }
}
