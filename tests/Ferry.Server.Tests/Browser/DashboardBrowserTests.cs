using System.Net;
using Ferry.Engine.Journal;
using Ferry.Server.Security;
using Ferry.Simulator.Faults;
using Ferry.Testing;
using Microsoft.Playwright;

namespace Ferry.Server.Tests.Browser;

/// <summary>
/// The dashboard as a person uses it, in a real headless Chromium against a server over the simulator on loopback:
/// read balances, plan and execute a move and see it in the balances and the journal; a mainnet plan needs CONFIRM;
/// a stuck unknown move is reconciled from the journal page; a sweep's progress bar follows the event stream to 100%;
/// a form without its anti-forgery token is refused. The main pages are photographed (docs/images/, see ScreenshotAsync).
/// </summary>
[Collection(ChromiumCollection.Name)]
public sealed class DashboardBrowserTests(Chromium chromium) : IAsyncLifetime
{
    private ApiHarness _api = null!;
    private IBrowserContext _browser = null!;
    private IPage _page = null!;

    public async Task InitializeAsync()
    {
        _api = await ApiHarness.StartAsync(a => a.LiveOnSimulator = true);
        _browser = await chromium.ContextAsync(_api.Server.BaseAddress);
        _page = await _browser.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        await _browser.CloseAsync();
        await _api.DisposeAsync();
    }

    [Fact]
    public async Task A_person_reads_balances_plans_a_move_executes_it_and_sees_the_balance_and_the_journal_row()
    {
        var spot = _api.Held(ApiHarness.Master, "SPOT");
        await _page.GotoAsync("/");
        Assert.Equal(Wire(spot), await Cell(ApiHarness.Master, "SPOT", "USDT").TextContentAsync());
        Assert.Contains("SIMULATOR", await _page.Locator("main").TextContentAsync(), StringComparison.Ordinal);
        await ScreenshotAsync("dashboard-balances.png");

        await _page.GotoAsync("/plan");
        await _page.SelectOptionAsync("select[name=account]", "main");
        await _page.FillAsync("input[name=from]", "spot");
        await _page.FillAsync("input[name=to]", "usdm");
        await _page.FillAsync("input[name=amount]", "5");
        await _page.ClickAsync("#planner button[type=submit]");
        await Assertions.Expect(_page.Locator("#legs")).ToContainTextAsync("POST /sapi/v1/asset/transfer");
        Assert.Empty(_api.Journal());
        await ScreenshotAsync("dashboard-plan.png");

        await _page.ClickAsync("#execute button[type=submit]");
        await Assertions.Expect(_page.Locator("#outcome")).ToContainTextAsync("done:");

        await _page.GotoAsync("/");
        Assert.Equal(Wire(spot - 5m), await Cell(ApiHarness.Master, "SPOT", "USDT").TextContentAsync());
        var entry = Assert.Single(_api.Journal());
        Assert.Equal(LegState.Done, entry.State);
        await _page.GotoAsync("/journal");
        var row = _page.Locator($"#entry-{entry.Id}");
        Assert.Equal("done", await row.GetAttributeAsync("data-state"));
        await Assertions.Expect(row).ToContainTextAsync("5 USDT");
        await ScreenshotAsync("dashboard-journal.png");
    }

    [Fact]
    public async Task A_mainnet_plan_refuses_without_CONFIRM_and_runs_with_it()
    {
        var spot = _api.Held(ApiHarness.Master, "SPOT");
        var planId = await _api.PlanSpotToUsdmAsync("4", account: "live");
        await _page.GotoAsync($"/plans/{planId}");
        await Assertions.Expect(_page.Locator("main")).ToContainTextAsync("MAINNET");

        var refused = await PostAsync("#execute button[type=submit]");
        Assert.Equal((int)HttpStatusCode.PreconditionRequired, refused.Status);
        await _page.FillAsync("input[name=confirm]", "confirm");
        var lowercase = await PostAsync("#execute button[type=submit]");
        Assert.Equal((int)HttpStatusCode.PreconditionRequired, lowercase.Status);
        Assert.Empty(_api.Journal());
        Assert.Equal(spot, _api.Held(ApiHarness.Master, "SPOT"));
        // The dashboard's refusal granted nothing: the API still cannot run the plan.
        await ProblemAssert.IsAsync(await _api.PostAsync($"/api/v1/plans/{planId}/execute"), HttpStatusCode.PreconditionRequired, "confirmation-required");
        await ScreenshotAsync("dashboard-confirm.png");

        await _page.FillAsync("input[name=confirm]", "CONFIRM");
        await _page.ClickAsync("#execute button[type=submit]");

        await Assertions.Expect(_page.Locator("#outcome")).ToContainTextAsync("done:");
        Assert.Equal(LegState.Done, Assert.Single(_api.Journal()).State);
        Assert.Equal(spot - 4m, _api.Held(ApiHarness.Master, "SPOT"));
        await ProblemAssert.IsAsync(await _api.PostAsync($"/api/v1/plans/{planId}/execute"), HttpStatusCode.Conflict, "replayed");
    }

    [Fact]
    public async Task A_stuck_unknown_move_is_reconciled_from_the_journal_page()
    {
        var spot = _api.Held(ApiHarness.Master, "SPOT");
        var planId = await _api.PlanSpotToUsdmAsync("7");
        _api.Host.Faults.Reset(FaultPlan.Parse("drop-after-commit@/sapi/v1/asset/transfer=1"), seed: 7);
        await ProblemAssert.IsAsync(await _api.PostAsync($"/api/v1/plans/{planId}/execute"), HttpStatusCode.BadGateway, "unknown", "unknown");
        _api.Host.Faults.Reset(FaultPlan.None, seed: 0);
        var entry = Assert.Single(_api.Journal());

        await _page.GotoAsync("/journal?state=unknown");
        var row = _page.Locator($"#entry-{entry.Id}");
        Assert.Equal("state-unknown", await row.GetAttributeAsync("class"));
        await ScreenshotAsync("dashboard-journal-unknown.png");
        await row.Locator("button", new LocatorLocatorOptions { HasText = "Reconcile" }).ClickAsync();

        await Assertions.Expect(_page.Locator(".notice")).ToContainTextAsync($"{entry.Id}: done");
        Assert.Equal("done", await _page.Locator($"#entry-{entry.Id}").GetAttributeAsync("data-state"));
        Assert.Equal(LegState.Done, Assert.Single(_api.Journal()).State);
        Assert.Equal(spot - 7m, _api.Held(ApiHarness.Master, "SPOT"));
    }

    [Fact]
    public async Task The_sweep_progress_bar_reaches_100_percent_through_server_sent_events()
    {
        await _page.GotoAsync("/sweep");
        await _page.FillAsync("#sweep input[name=keep]", "10");
        await _page.ClickAsync("#sweep button[type=submit]");
        await Assertions.Expect(_page.Locator("#legs")).ToContainTextAsync("POST /sapi/v1/sub-account/universalTransfer");
        var moves = await _page.Locator("#legs tr").CountAsync() - 1;
        Assert.True(moves > 0);

        await _page.ClickAsync("#execute button[type=submit]");

        // Only the page's script, fed by /api/v1/events, writes the events list and the bar's data-seq.
        await Assertions.Expect(_page.Locator("#events li.run-finished")).ToHaveCountAsync(1);
        await Assertions.Expect(_page.Locator("#events li.move-finished")).ToHaveCountAsync(moves);
        var bar = _page.Locator("#progress");
        Assert.NotNull(await bar.GetAttributeAsync("data-seq"));
        Assert.Equal(await bar.EvaluateAsync<double>("b => b.max"), await bar.EvaluateAsync<double>("b => b.value"));
        await Assertions.Expect(_page.Locator("#progress-label")).ToHaveTextAsync($"{moves} of {moves} move(s) finished");
        await Assertions.Expect(_page.Locator("#outcome")).ToContainTextAsync("done:");
        await ScreenshotAsync("dashboard-sweep.png");
    }

    [Fact]
    public async Task A_form_posted_without_its_anti_forgery_token_is_refused_and_plans_nothing()
    {
        await _page.GotoAsync("/plan");
        await _page.FillAsync("input[name=from]", "spot");
        await _page.FillAsync("input[name=to]", "usdm");
        await _page.FillAsync("input[name=amount]", "5");
        await _page.EvalOnSelectorAsync("#planner input[name=__RequestVerificationToken]", "e => e.remove()");

        var answer = await PostAsync("#planner button[type=submit]");

        Assert.Equal((int)HttpStatusCode.Forbidden, answer.Status);
        await Assertions.Expect(_page.Locator(".notice")).ToContainTextAsync("anti-forgery token");
        Assert.Empty(_api.Journal());
    }

    [Fact]
    public async Task The_flow_picture_shows_which_wallets_sent_how_much_to_which()
    {
        await _api.PostAsync($"/api/v1/plans/{await _api.PlanSpotToUsdmAsync("5")}/execute");
        await _api.PostAsync($"/api/v1/plans/{await _api.PlanSpotToUsdmAsync("2.5")}/execute");
        var sweep = await ApiHarness.JsonAsync(await _api.PostAsync("/api/v1/plans/sweep", """{"asset":"USDT","to":"spot","keep":"10"}"""));
        Assert.Equal(HttpStatusCode.OK, (await _api.PostAsync($"/api/v1/plans/{sweep.GetProperty("planId").GetString()}/execute")).StatusCode);

        await _page.GotoAsync("/flows");

        var bands = _page.Locator("svg.flows[data-asset=USDT] path.band");
        await Assertions.Expect(bands).ToHaveCountAsync(2);
        var moves = _page.Locator("svg.flows[data-asset=USDT] path.band[data-from='main spot'][data-to='main usdm']");
        Assert.Equal("7.5", await moves.GetAttributeAsync("data-amount"));
        var swept = _page.Locator("svg.flows[data-asset=USDT] path.band[data-from^='alice@example.com']");
        Assert.Equal("490", await swept.GetAttributeAsync("data-amount"));
        await ScreenshotAsync("dashboard-flows.png");
    }

    [Fact]
    public async Task With_tokens_a_person_logs_in_and_the_run_page_follows_its_events_with_the_cookie_no_script_can_read()
    {
        var token = "";
        await using var api = await ApiHarness.StartAsync(a => token = a.Tokens.Add("desk", ApiScope.Execute));
        var context = await chromium.ContextAsync(api.Server.BaseAddress);
        try
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync("/");
            Assert.EndsWith("/login", page.Url, StringComparison.Ordinal);
            await page.FillAsync("input[name=token]", token);
            await page.ClickAsync("#login button[type=submit]");
            await Assertions.Expect(page.Locator("#totals")).ToBeVisibleAsync();
            Assert.DoesNotContain("ferry_token", await page.EvaluateAsync<string>("document.cookie"), StringComparison.Ordinal);

            await page.GotoAsync("/plan");
            await page.FillAsync("input[name=from]", "spot");
            await page.FillAsync("input[name=to]", "usdm");
            await page.FillAsync("input[name=amount]", "1");
            await page.ClickAsync("#planner button[type=submit]");
            await page.ClickAsync("#execute button[type=submit]");

            await Assertions.Expect(page.Locator("#events li.run-finished")).ToHaveCountAsync(1);
            await Assertions.Expect(page.Locator("#outcome")).ToContainTextAsync("done:");
            Assert.Equal(LegState.Done, Assert.Single(api.Journal()).State);
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    /// <summary>Clicks a form's submit button and returns the answer to the form's POST.</summary>
    private Task<IResponse> PostAsync(string button) => _page.RunAndWaitForResponseAsync(() => _page.ClickAsync(button), r => r.Request.Method == "POST");

    private ILocator Cell(string owner, string wallet, string asset) =>
        _page.Locator($"section[data-simulator=true] td[data-owner='{owner}'][data-wallet='{wallet}'][data-symbol=''][data-asset='{asset}']");

    private static string Wire(decimal amount) => Ferry.Core.Money.WireDecimal.Format(amount);

    /// <summary>Photographs the page into docs/images/ when the picture is missing there or FERRY_SCREENSHOTS=update
    /// asks for new ones; otherwise beside the test assembly, so a test run leaves the committed pictures alone.</summary>
    private Task ScreenshotAsync(string name)
    {
        var docs = Path.Combine(RepositoryFolder.Root(), "docs", "images", name);
        var update = !File.Exists(docs) || Environment.GetEnvironmentVariable("FERRY_SCREENSHOTS") == "update";
        var path = update ? docs : Path.Combine(AppContext.BaseDirectory, "screenshots", name);
        return _page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = false });
    }
}
