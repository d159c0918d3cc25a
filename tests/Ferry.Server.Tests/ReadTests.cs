using System.Net;
using System.Text.Json;

namespace Ferry.Server.Tests;

/// <summary>Accounts, balances, history and the journal as a caller reads them.</summary>
public sealed class ReadTests : IAsyncLifetime
{
    private ApiHarness _api = null!;

    public async Task InitializeAsync() => _api = await ApiHarness.StartAsync();

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task Accounts_are_names_venues_and_environments_only()
    {
        var response = await _api.GetAsync("/api/v1/accounts");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var accounts = (await ApiHarness.JsonAsync(response)).GetProperty("accounts").EnumerateArray().ToList();
        Assert.Equal(["main", "htx", "live"], accounts.Select(a => a.GetProperty("name").GetString()));
        Assert.Equal(["sim", "sim", "mainnet"], accounts.Select(a => a.GetProperty("environment").GetString()));
        Assert.True(accounts[0].GetProperty("isDefault").GetBoolean());
        Assert.All(accounts, a => Assert.Equal(["name", "venue", "environment", "isDefault"], a.EnumerateObject().Select(p => p.Name)));
        Assert.Empty(_api.Opened);
    }

    [Fact]
    public async Task Balances_mark_the_simulator_and_total_each_asset_per_environment_exactly()
    {
        var response = await _api.GetAsync("/api/v1/balances");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await ApiHarness.JsonAsync(response);
        var sources = body.GetProperty("sources").EnumerateArray().ToList();
        var simulator = Assert.Single(sources, s => s.GetProperty("simulator").GetBoolean());
        Assert.Equal(["main", "htx"], simulator.GetProperty("accounts").EnumerateArray().Select(a => a.GetString()));
        Assert.Contains(simulator.GetProperty("rows").EnumerateArray(), r => r.GetProperty("owner").GetString() == ApiHarness.Alice);
        Assert.All(simulator.GetProperty("rows").EnumerateArray(), r => Assert.Equal(JsonValueKind.String, r.GetProperty("amount").ValueKind));
        var usdt = Assert.Single(body.GetProperty("totals").EnumerateArray(), t => t.GetProperty("environment").GetString() == "sim" && t.GetProperty("asset").GetString() == "USDT");
        Assert.Equal(_api.Host.Totals()["USDT"], decimal.Parse(usdt.GetProperty("amount").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        // The mainnet account is listed, but its reads never reach Binance from a test: its source says why it is unread.
        var live = Assert.Single(sources, s => s.GetProperty("accounts")[0].GetString() == "live");
        Assert.Equal("mainnet", live.GetProperty("environment").GetString());
    }

    [Fact]
    public async Task History_and_the_journal_show_an_executed_move()
    {
        var planId = await _api.PlanSpotToUsdmAsync("4");
        Assert.Equal(HttpStatusCode.OK, (await _api.PostAsync($"/api/v1/plans/{planId}/execute")).StatusCode);

        var history = await ApiHarness.JsonAsync(await _api.GetAsync("/api/v1/history?days=1"));
        var row = Assert.Single(history.GetProperty("rows").EnumerateArray());
        Assert.Equal("MAIN_UMFUTURE", row.GetProperty("type").GetString());
        Assert.Equal("4", row.GetProperty("amount").GetString());

        var list = await ApiHarness.JsonAsync(await _api.GetAsync("/api/v1/journal?state=done"));
        var entry = Assert.Single(list.GetProperty("entries").EnumerateArray());
        Assert.Equal("4", entry.GetProperty("amount").GetString());
        Assert.Empty((await ApiHarness.JsonAsync(await _api.GetAsync("/api/v1/journal?state=unknown,sending"))).GetProperty("entries").EnumerateArray());

        var show = await ApiHarness.JsonAsync(await _api.GetAsync($"/api/v1/journal/{entry.GetProperty("id").GetString()}"));
        Assert.Equal(["sending", "done"], show.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("to").GetString()).Where(s => s != "planned"));
        Assert.Equal(entry.GetProperty("id").GetString(), (await ApiHarness.JsonAsync(await _api.GetAsync("/api/v1/journal/latest"))).GetProperty("entry").GetProperty("id").GetString());

        var reconcile = await ApiHarness.JsonAsync(await _api.PostAsync($"/api/v1/journal/{entry.GetProperty("id").GetString()}/reconcile"));
        Assert.Equal("done", reconcile.GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task A_complete_route_is_not_resumed()
    {
        var planId = await _api.PlanSpotToUsdmAsync("4");
        await _api.PostAsync($"/api/v1/plans/{planId}/execute");
        var entry = Assert.Single(_api.Journal());

        var response = await _api.PostAsync($"/api/v1/journal/{entry.Id}/resume");

        // A Binance move runs as a route even with one leg; a complete one has nothing left to send.
        var problem = await ProblemAssert.IsAsync(response, HttpStatusCode.UnprocessableEntity, "refused");
        Assert.Contains("is complete", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Single(_api.Journal());
    }
}
