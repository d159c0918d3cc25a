using System.Net;
using Ferry.Server.Security;

namespace Ferry.Server.Tests;

/// <summary>Tokens: only their hash is stored; missing, wrong or too small a scope is 401/403 with nothing done; who asked is logged.</summary>
public sealed class TokenTests : IAsyncLifetime
{
    private ApiHarness _api = null!;
    private readonly Dictionary<string, string> _tokens = [];

    public async Task InitializeAsync() => _api = await ApiHarness.StartAsync(api =>
    {
        foreach (var (name, scope) in new[] { ("reader", ApiScope.Read), ("planner", ApiScope.Plan), ("ci", ApiScope.Execute) })
            _tokens[name] = api.Tokens.Add(name, scope);
    });

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task The_token_file_holds_only_hashes_and_is_owner_only()
    {
        var file = await File.ReadAllTextAsync(_api.TokenFile);

        foreach (var token in _tokens.Values) Assert.DoesNotContain(token, file, StringComparison.Ordinal);
        Assert.Contains("\"sha256\"", file, StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_api.TokenFile));
        Assert.All(_tokens.Values, t => Assert.StartsWith(ApiTokenStore.Prefix, t));
        Assert.Equal(3, _tokens.Values.Distinct().Count());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("ferry_not-a-token")]
    [InlineData("")]
    public async Task A_missing_or_wrong_token_is_401_even_from_loopback(string? token)
    {
        var response = await _api.GetAsync("/api/v1/accounts", token);

        await ProblemAssert.IsAsync(response, HttpStatusCode.Unauthorized, "unauthorized");
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task A_removed_token_no_longer_works()
    {
        Assert.True(_api.Tokens.Remove("reader"));

        var response = await _api.GetAsync("/api/v1/accounts", _tokens["reader"]);

        await ProblemAssert.IsAsync(response, HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task Each_scope_may_do_what_it_names_and_no_more()
    {
        Assert.Equal(HttpStatusCode.OK, (await _api.GetAsync("/api/v1/journal", _tokens["reader"])).StatusCode);
        await ProblemAssert.IsAsync(await _api.PostAsync("/api/v1/plans/transfer", """{"amount":"5","asset":"USDT","from":"spot","to":"usdm"}""", _tokens["reader"]),
            HttpStatusCode.Forbidden, "forbidden");
        await ProblemAssert.IsAsync(await _api.PostAsync("/api/v1/journal/reconcile", null, _tokens["reader"]), HttpStatusCode.Forbidden, "forbidden");

        var planId = await _api.PlanSpotToUsdmAsync("5", _tokens["planner"]);
        await ProblemAssert.IsAsync(await _api.PostAsync($"/api/v1/plans/{planId}/execute", null, _tokens["planner"]), HttpStatusCode.Forbidden, "forbidden");
        await ProblemAssert.IsAsync(await _api.PostAsync("/api/v1/journal/latest/resume", null, _tokens["planner"]), HttpStatusCode.Forbidden, "forbidden");
        Assert.Empty(_api.Journal());

        var run = await _api.PostAsync($"/api/v1/plans/{planId}/execute", null, _tokens["ci"]);

        Assert.Equal(HttpStatusCode.OK, run.StatusCode);
        var entry = Assert.Single(_api.Journal());
        Assert.Contains(_api.LogLines, l => l.Contains($"asked by token 'ci': done, journal entries {entry.Id}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task No_log_line_or_answer_holds_a_token()
    {
        foreach (var token in _tokens.Values)
        {
            await _api.GetAsync("/api/v1/accounts", token);
            await _api.PostAsync("/api/v1/plans/transfer", """{"amount":"5","asset":"USDT","from":"spot","to":"usdm"}""", token);
        }
        await _api.GetAsync("/api/v1/accounts", "ferry_wrong");

        foreach (var token in _tokens.Values)
        {
            Assert.DoesNotContain(_api.LogLines, l => l.Contains(token, StringComparison.Ordinal));
            Assert.DoesNotContain(_api.Seen, s => s.Contains(token, StringComparison.Ordinal));
        }
    }
}
