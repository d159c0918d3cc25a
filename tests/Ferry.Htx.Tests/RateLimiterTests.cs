using System.Net;
using Ferry.Htx.Tests.Support;
using Ferry.Htx.Transfers;
using Ferry.Core.Outcomes;

namespace Ferry.Htx.Tests;

/// <summary>The documented 1 transfer per second (configurable), HTX's headers, and waits on the manual clock (no sleeping).</summary>
public sealed class RateLimiterTests : IDisposable
{
    private readonly HtxTestClients _clients = new();

    public void Dispose() => _clients.Dispose();

    private static SpotSwapTransferRequest Move => SpotSwapTransferRequest.ToSwap("USDT", 1m, "USDT");

    [Fact]
    public async Task The_second_transfer_in_a_second_waits_for_the_next_window()
    {
        _clients.Handler.Enqueue(HttpStatusCode.OK, HtxTestClients.Data("doc-transfer-success.json"))
            .Enqueue(HttpStatusCode.OK, HtxTestClients.Data("doc-transfer-success.json"));
        var client = _clients.Create();
        Assert.Equal(1, client.Endpoints[HtxEndpoints.SpotSwapTransfer.Id].RequestsPerWindow);

        Assert.True((await client.Transfers.TransferAsync(Move)).IsDone);
        var second = client.Transfers.TransferAsync(Move);
        await _clients.Time.WaitForTimerAsync(due => due == TimeSpan.FromMilliseconds(500));
        Assert.Single(_clients.Handler.Requests);

        _clients.Time.Advance(TimeSpan.FromMilliseconds(500));
        Assert.True((await second).IsDone);
        Assert.Equal(2, _clients.Handler.Requests.Count);
    }

    [Fact]
    public async Task Ten_per_second_when_configured_like_htx_net()
    {
        for (var i = 0; i < 10; i++) _clients.Handler.Enqueue(HttpStatusCode.OK, HtxTestClients.Data("doc-transfer-success.json"));
        var client = _clients.Create(o => o.TransfersPerSecond = 10);
        for (var i = 0; i < 10; i++) Assert.True((await client.Transfers.TransferAsync(Move)).IsDone);
        Assert.Equal((10, 10), (client.Limiter.GetUsage(HtxEndpoints.SpotSwapTransfer).Used, client.Limiter.GetUsage(HtxEndpoints.SpotSwapTransfer).Limit));
    }

    [Fact]
    public async Task A_wait_longer_than_allowed_is_not_sent()
    {
        _clients.Handler.Enqueue(HttpStatusCode.OK, HtxTestClients.Data("doc-transfer-success.json"));
        var client = _clients.Create(o => o.MaxRateWait = TimeSpan.FromMilliseconds(100));
        Assert.True((await client.Transfers.TransferAsync(Move)).IsDone);
        var notSent = Assert.IsType<NotSent<SpotSwapTransferResult>>(await client.Transfers.TransferAsync(Move));
        Assert.Equal(NotSentReason.RateBudget, notSent.Reason);
        Assert.Single(_clients.Handler.Requests);
    }

    [Fact]
    public async Task Spot_headers_saying_nothing_remains_hold_the_endpoint_until_expiry()
    {
        var expire = _clients.Time.GetUtcNow().AddSeconds(2).ToUnixTimeMilliseconds();
        _clients.Handler.Enqueue(HttpStatusCode.OK, HtxTestClients.Data("doc-accounts.json"),
            ("X-HB-RateLimit-Requests-Remain", "0"), ("X-HB-RateLimit-Requests-Expire", expire.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var client = _clients.Create();
        Assert.True((await client.Accounts.GetAccountsAsync()).IsDone);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(expire), client.Limiter.GetUsage(HtxEndpoints.Accounts).BlockedUntil);
    }

    [Fact]
    public async Task Swap_headers_sync_the_shared_budget()
    {
        _clients.Handler.Enqueue(HttpStatusCode.OK, HtxTestClients.Data("doc-swap-cross-account-info.json"),
            ("ratelimit-limit", "72"), ("ratelimit-interval", "3000"), ("ratelimit-remaining", "30"),
            ("ratelimit-reset", _clients.Time.GetUtcNow().AddSeconds(3).ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var client = _clients.Create();
        Assert.True((await client.Swap.GetCrossAccountsAsync()).IsDone);
        var usage = client.Limiter.GetUsage(HtxEndpoints.SwapIsolatedAccountInfo);
        Assert.Equal((42, 72), (usage.Used, usage.Limit));
        Assert.Null(usage.BlockedUntil);
    }
}
