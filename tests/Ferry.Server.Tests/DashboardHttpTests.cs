using System.Net;
using System.Text.RegularExpressions;
using Ferry.Server.Security;

namespace Ferry.Server.Tests;

/// <summary>The dashboard's security promises over plain loopback HTTP: page headers (CSP without inline scripts, no
/// framing), anti-forgery and same-origin checks on every form, the token login's cookie, scopes, and no secret on a page.</summary>
public sealed partial class DashboardHttpTests
{
    private static readonly string[] Pages = ["/", "/journal", "/plan", "/sweep", "/flows", "/approvals", "/login"];

    [Fact]
    public async Task Every_page_carries_a_script_policy_without_inline_code_and_refuses_framing()
    {
        await using var api = await ApiHarness.StartAsync();
        using var browser = Browser(api);

        foreach (var page in Pages)
        {
            using var response = await browser.GetAsync(page);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
            var policy = response.Headers.GetValues("Content-Security-Policy").Single();
            Assert.Equal(FerryServer.PageSecurityPolicy, policy);
            Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
            Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
            Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.DoesNotMatch("<script>|<script [^>]*>[^<]+</script>| on[a-z]+=\"|style=\"", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task A_form_without_the_anti_forgery_token_or_from_another_origin_is_refused_and_does_nothing()
    {
        await using var api = await ApiHarness.StartAsync();
        using var browser = Browser(api);
        var token = await FormTokenAsync(browser, "/plan");
        var fields = new Dictionary<string, string> { ["from"] = "spot", ["to"] = "usdm", ["asset"] = "USDT", ["amount"] = "5" };

        using var missing = await browser.PostAsync("/plan", new FormUrlEncodedContent(fields));
        using var wrong = await browser.PostAsync("/plan", new FormUrlEncodedContent(new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = "forged" }));
        using var crossSite = new HttpRequestMessage(HttpMethod.Post, "/plan")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token }),
        };
        crossSite.Headers.Add("Origin", "http://evil.example");
        using var fromElsewhere = await browser.SendAsync(crossSite);

        foreach (var refused in new[] { missing, wrong, fromElsewhere })
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Contains("nothing was done", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        Assert.Empty(api.Journal());

        using var accepted = await browser.PostAsync("/plan", new FormUrlEncodedContent(new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.StartsWith("/plans/plan_", accepted.Headers.Location?.ToString());
        Assert.Empty(api.Journal());
    }

    [Fact]
    public async Task With_tokens_a_person_logs_in_and_the_cookie_is_HttpOnly_and_SameSite_Strict_and_the_scope_holds()
    {
        string reader = "";
        await using var api = await ApiHarness.StartAsync(a => reader = a.Tokens.Add("desk", ApiScope.Read));
        using var browser = Browser(api);

        using var anonymous = await browser.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Equal("/login", anonymous.Headers.Location?.ToString());

        var token = await FormTokenAsync(browser, "/login");
        using var wrong = await browser.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = "ferry_wrong", ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.DoesNotContain(wrong.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.StartsWith("ferry_token", StringComparison.Ordinal)));

        using var login = await browser.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = reader, ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var cookie = login.Headers.GetValues("Set-Cookie").Single(v => v.StartsWith("ferry_token=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("httponly", cookie, StringComparison.Ordinal);
        Assert.Contains("samesite=strict", cookie, StringComparison.Ordinal);

        using var balances = await browser.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, balances.StatusCode);
        Assert.DoesNotContain(reader, await balances.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var planner = await browser.GetAsync("/plan");
        Assert.Equal(HttpStatusCode.Forbidden, planner.StatusCode);
        Assert.Contains("read scope", await planner.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // The run page's event stream (EventSource sends no header) reads with the cookie; nothing that changes anything does.
        using var events = await browser.GetAsync("/api/v1/events?plan=plan_none");
        await ProblemAssert.IsAsync(events, HttpStatusCode.NotFound, "not-found");
        using var apiPost = await browser.PostAsync("/api/v1/journal/reconcile", null);
        await ProblemAssert.IsAsync(apiPost, HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task Without_a_token_a_page_asked_for_under_another_host_name_is_refused()
    {
        await using var api = await ApiHarness.StartAsync();
        using var browser = Browser(api);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Host = "evil.example";

        using var response = await browser.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("only this machine", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_page_holds_a_key_or_a_secret()
    {
        await using var api = await ApiHarness.StartAsync();
        using var browser = Browser(api);
        var planId = await api.PlanSpotToUsdmAsync("3");
        await api.PostAsync($"/api/v1/plans/{planId}/execute");
        var mainnet = await api.PlanSpotToUsdmAsync("3", account: "main");

        foreach (var page in Pages.Concat([$"/runs/{planId}", $"/plans/{mainnet}", "/journal?state=done"]))
        {
            using var response = await browser.GetAsync(page);
            var html = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, $"{page}: {(int)response.StatusCode}");
            Assert.All(api.Secrets, secret => Assert.DoesNotContain(secret, html, StringComparison.Ordinal));
        }
    }

    /// <summary>A client like a browser: it keeps cookies and does not follow redirects.</summary>
    private static HttpClient Browser(ApiHarness api) =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = api.Server.BaseAddress };

    private static async Task<string> FormTokenAsync(HttpClient browser, string page)
    {
        var html = await browser.GetStringAsync(page);
        return TokenField().Match(html).Groups[1].Value;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
