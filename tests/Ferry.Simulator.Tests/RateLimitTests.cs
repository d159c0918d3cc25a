using System.Net;
using Ferry.Simulator.Tests.Support;
using Ferry.Simulator.Binance;

namespace Ferry.Simulator.Tests;

public sealed class RateLimitTests : SimTestBase
{
    protected override SimRateLimits Limits => new()
    {
        IpWeightPerWindow = 3, UidWeightPerWindow = 600, Window = TimeSpan.FromSeconds(10), UniversalTransferUidWeight = 300,
    };

    private Task<SimReply> UniversalHistoryAsync() =>
        SignedAsync(HttpMethod.Get, "sapi/v1/asset/transfer", [("type", "MAIN_FUNDING")], TestScenario.HmacAll);

    [Fact]
    public async Task Uid_budget_past_the_limit_gives_429_and_moves_nothing_until_the_window_resets()
    {
        Assert.Equal("300", (await TransferAsync("MAIN_FUNDING", "1")).Header("X-SAPI-USED-UID-WEIGHT-1M"));
        Assert.Equal("600", (await TransferAsync("MAIN_FUNDING", "1")).Header("X-SAPI-USED-UID-WEIGHT-1M"));

        var limited = await TransferAsync("MAIN_FUNDING", "1");
        limited.AssertError(429, -1003, "Too many requests; current request has limited.");
        var retryAfter = int.Parse(limited.Header("Retry-After")!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 10);
        Assert.Equal(98m, Balance(TestScenario.Master, "SPOT"));

        Clock.Advance(TimeSpan.FromSeconds(retryAfter));
        var again = await TransferAsync("MAIN_FUNDING", "1");
        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Equal("300", again.Header("X-SAPI-USED-UID-WEIGHT-1M"));
        Assert.Equal(97m, Balance(TestScenario.Master, "SPOT"));
    }

    [Fact]
    public async Task Uid_budget_is_per_account()
    {
        await TransferAsync("MAIN_FUNDING", "1");
        await TransferAsync("MAIN_FUNDING", "1");
        var alice = await TransferAsync("MAIN_FUNDING", "1", signer: TestScenario.AliceKey);
        Assert.Equal(HttpStatusCode.OK, alice.Status);
        Assert.Equal("300", alice.Header("X-SAPI-USED-UID-WEIGHT-1M"));
    }

    [Fact]
    public async Task Ip_budget_past_the_limit_gives_429_with_retry_after()
    {
        for (var i = 1; i <= 3; i++)
        {
            var ok = await UniversalHistoryAsync();
            Assert.Equal(HttpStatusCode.OK, ok.Status);
            Assert.Equal(i.ToString(System.Globalization.CultureInfo.InvariantCulture), ok.Header("X-SAPI-USED-IP-WEIGHT-1M"));
            Assert.Null(ok.Header("X-SAPI-USED-UID-WEIGHT-1M"));
        }
        var limited = await UniversalHistoryAsync();
        limited.AssertError(429, -1003, "Too many requests; current request has limited.");
        Assert.Equal("3", limited.Header("X-SAPI-USED-IP-WEIGHT-1M"));
        Assert.NotNull(limited.Header("Retry-After"));

        Clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(HttpStatusCode.OK, (await UniversalHistoryAsync()).Status);
    }

    [Fact]
    public async Task Each_endpoint_has_its_own_ip_budget()
    {
        for (var i = 0; i < 3; i++) await UniversalHistoryAsync();
        Assert.Equal(HttpStatusCode.TooManyRequests, (await UniversalHistoryAsync()).Status);

        var margin = await SignedAsync(HttpMethod.Get, "sapi/v1/margin/transfer", [], TestScenario.HmacAll);
        Assert.Equal(HttpStatusCode.OK, margin.Status);
        Assert.Equal("1", margin.Header("X-SAPI-USED-IP-WEIGHT-1M"));
    }

    [Fact]
    public async Task Retry_after_counts_the_seconds_left_in_the_window()
    {
        // The default clock sits 30 s into a minute, so a 10 s window aligned to the epoch has all 10 s left.
        for (var i = 0; i < 3; i++) await UniversalHistoryAsync();
        Clock.Advance(TimeSpan.FromMilliseconds(7500));
        var limited = await UniversalHistoryAsync();
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.Status);
        Assert.Equal("3", limited.Header("Retry-After"));
    }
}

public sealed class ConfiguredWeightTests : SimTestBase
{
    protected override SimRateLimits Limits => new() { UniversalTransferUidWeight = 900 };

    [Fact]
    public async Task Universal_transfer_uid_weight_is_configurable()
    {
        var reply = await TransferAsync("MAIN_FUNDING", "1");
        Assert.Equal("900", reply.Header("X-SAPI-USED-UID-WEIGHT-1M"));
        Assert.Null(reply.Header("X-SAPI-USED-IP-WEIGHT-1M"));
    }
}
