using Ferry.Engine.Policy;

namespace Ferry.Server.Tests;

/// <summary>The dashboard's approvals page: a move the policy sends for approval over the API is listed with who asked,
/// the exact move, its rule and how many approvals it has; the page offers no way to approve.</summary>
public sealed class ApprovalsPageTests : IAsyncLifetime
{
    private ApiHarness _api = null!;

    public async Task InitializeAsync() => _api = await ApiHarness.StartAsync(h => h.Policy = PolicyFile.Parse("""
        default: allow
        rules:
          - name: big-usdt-moves
            match: { asset: USDT }
            limit: { per-move: 4 }
            action: require-approval
        """));

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task A_move_waiting_for_approval_is_listed_with_its_requester_move_and_rule_and_cannot_be_approved_from_the_page()
    {
        var empty = await (await _api.GetAsync("/approvals")).Content.ReadAsStringAsync();
        Assert.Contains("No move is waiting for approval.", empty, StringComparison.Ordinal);

        var spot = _api.Held(ApiHarness.Master, "SPOT");
        var run = await _api.PostAsync($"/api/v1/plans/{await _api.PlanSpotToUsdmAsync("7")}/execute");
        Assert.Equal(422, (int)run.StatusCode);
        Assert.Equal(spot, _api.Held(ApiHarness.Master, "SPOT"));

        var page = await _api.GetAsync("/approvals");
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(200, (int)page.StatusCode);
        Assert.Contains("token:loopback", html, StringComparison.Ordinal);
        Assert.Contains("7 USDT", html, StringComparison.Ordinal);
        Assert.Contains("big-usdt-moves", html, StringComparison.Ordinal);
        Assert.Contains("0 of 1", html, StringComparison.Ordinal);
        Assert.Contains(">waiting<", html, StringComparison.Ordinal);
        Assert.DoesNotContain("method=\"post\"", html, StringComparison.OrdinalIgnoreCase);
        Assert.All(_api.Secrets, secret => Assert.DoesNotContain(secret, html, StringComparison.Ordinal));
    }
}
