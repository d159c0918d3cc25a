using System.Net;
using Ferry.Server.Security;

namespace Ferry.Server.Tests;

/// <summary>Where the server may listen and who may call when no token is configured.</summary>
public sealed class AccessTests
{
    [Fact]
    public async Task Without_a_token_it_refuses_to_listen_beyond_loopback()
    {
        await using var api = await ApiHarness.StartAsync();

        var refused = await Assert.ThrowsAsync<ServerStartException>(() => FerryServer.StartAsync(api.Options(new Uri("http://0.0.0.0:0")), CancellationToken.None));

        Assert.Contains("needs at least one API token", refused.Message, StringComparison.Ordinal);
        Assert.False(refused.BadInput);
    }

    [Theory]
    [InlineData("https://127.0.0.1:0")]
    [InlineData("http://example.com:8480")]
    [InlineData("http://127.0.0.1:0/api")]
    public async Task An_address_it_cannot_listen_on_is_bad_input(string url)
    {
        await using var api = await ApiHarness.StartAsync();

        var refused = await Assert.ThrowsAsync<ServerStartException>(() => FerryServer.StartAsync(api.Options(new Uri(url)), CancellationToken.None));

        Assert.True(refused.BadInput);
    }

    [Fact]
    public async Task Without_a_token_a_request_naming_another_host_is_refused()
    {
        // DNS rebinding: a page from evil.example resolving to 127.0.0.1 sends its own name as Host.
        await using var api = await ApiHarness.StartAsync();

        var response = await api.SendAsync(HttpMethod.Get, "/api/v1/accounts", null, null, host: "evil.example");

        await ProblemAssert.IsAsync(response, HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task Without_a_token_configured_a_request_carrying_one_is_refused()
    {
        await using var api = await ApiHarness.StartAsync();

        var response = await api.GetAsync("/api/v1/accounts", "ferry_something");

        await ProblemAssert.IsAsync(response, HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task Every_answer_carries_the_security_headers()
    {
        await using var api = await ApiHarness.StartAsync(a => a.Tokens.Add("reader", ApiScope.Read));

        foreach (var response in new[] { await api.GetAsync("/api/v1/accounts"), await api.GetAsync("/openapi/v1.json") })
        {
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
            Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
            Assert.True(response.Headers.CacheControl?.NoStore);
        }
    }
}
