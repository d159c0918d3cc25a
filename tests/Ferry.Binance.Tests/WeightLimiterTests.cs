using System.Net;
using Ferry.Binance.Models;
using Ferry.Binance.Tests.Support;
using Ferry.Binance.Wallet;
using Ferry.Core.Outcomes;

namespace Ferry.Binance.Tests;

public sealed class WeightLimiterTests : IDisposable
{
    private static readonly UniversalTransferRequest Transfer = new(UniversalTransferType.MainUmFuture, "USDT", 1m);
    private static readonly UniversalTransferHistoryQuery History = new(UniversalTransferType.MainUmFuture);
    private readonly TestClients _clients = new();

    public void Dispose() => _clients.Dispose();

    [Fact]
    public void The_table_lists_every_endpoint_with_the_configured_transfer_weight()
    {
        var defaults = _clients.Hmac();
        var old = _clients.Hmac(o => o.UniversalTransferUidWeight = 900);

        Assert.Equal(["UniversalTransfer", "UniversalTransferHistory", "CrossMarginTransferHistory", "ServerTime"],
            BinanceEndpoints.All.Select(e => e.Name).Take(4));
        Assert.Equal(BinanceEndpoints.All.Count, BinanceEndpoints.All.Select(e => e.ToString()).Distinct().Count());
        Assert.Equal(Enumerable.Range(0, BinanceEndpoints.All.Count), BinanceEndpoints.All.Select(e => e.Id));
        Assert.Equal(300, defaults.Endpoints[0].UidWeight);
        Assert.Equal(900, old.Endpoints[0].UidWeight);
        Assert.Equal("POST /sapi/v1/asset/transfer", defaults.Endpoints[0].ToString());
        Assert.Equal(1, defaults.Endpoints[1].IpWeight);
        Assert.True(BinanceEndpoints.ServerTime.SharesApiBudget);
        Assert.False(BinanceEndpoints.ServerTime.Signed);
    }

    [Fact]
    public async Task Each_call_charges_its_own_endpoint_budget()
    {
        var client = _clients.Hmac();
        _clients.Handler.Enqueue(HttpStatusCode.OK, "{\"tranId\":1}").Enqueue(HttpStatusCode.OK, "{\"total\":0}");

        await client.Wallet.UniversalTransferAsync(Transfer);
        await client.Wallet.GetUniversalTransferHistoryAsync(History);

        var transfer = client.Limiter.GetUsage(BinanceEndpoints.UniversalTransfer);
        var history = client.Limiter.GetUsage(BinanceEndpoints.UniversalTransferHistory);
        Assert.Equal((0, 300, 180_000), (transfer.IpUsed, transfer.UidUsed, transfer.UidLimit));
        Assert.Equal((1, 12_000, 0), (history.IpUsed, history.IpLimit, history.UidUsed));
        Assert.Equal((1, 6_000), (client.Limiter.GetUsage(BinanceEndpoints.ServerTime).IpUsed, client.Limiter.GetUsage(BinanceEndpoints.ServerTime).IpLimit));
    }

    [Fact]
    public async Task Used_weight_headers_raise_the_count_and_the_next_call_waits_for_the_window()
    {
        var client = _clients.Hmac(o => o.UidWeightPerMinute = 1000);
        _clients.Handler
            .Enqueue(HttpStatusCode.OK, "{\"tranId\":1}", ("X-SAPI-USED-UID-WEIGHT-1M", "900"))
            .Enqueue(HttpStatusCode.OK, "{\"tranId\":2}");

        await client.Wallet.UniversalTransferAsync(Transfer);
        Assert.Equal(900, client.Limiter.GetUsage(BinanceEndpoints.UniversalTransfer).UidUsed);

        var now = _clients.Time.GetUtcNow();
        var toWindowEnd = TimeSpan.FromMinutes(1) - TimeSpan.FromMilliseconds(now.ToUnixTimeMilliseconds() % 60_000);
        var pending = client.Wallet.UniversalTransferAsync(Transfer);
        await _clients.Time.WaitForTimerAsync(due => due == toWindowEnd);
        Assert.False(pending.IsCompleted);
        Assert.Single(_clients.Handler.Calls);

        _clients.Time.Advance(toWindowEnd);
        Assert.Equal(2L, Assert.IsType<Done<UniversalTransferResult>>(await pending).Value.TranId);
        Assert.Equal(2, _clients.Handler.Calls.Count);
        Assert.Equal(300, client.Limiter.GetUsage(BinanceEndpoints.UniversalTransfer).UidUsed);
    }

    [Fact]
    public async Task Inside_an_edge_guard_a_request_in_the_last_part_of_a_window_waits_for_the_next_one_and_outside_it_goes_at_once()
    {
        var client = _clients.Hmac(o => o.WeightWindow = TimeSpan.FromSeconds(10));
        _clients.Handler.Enqueue(HttpStatusCode.OK, "{\"total\":0}").Enqueue(HttpStatusCode.OK, "{\"total\":0}");
        // Move the clock to 200 ms before a window ends: inside a 500 ms guard.
        var intoWindow = _clients.Time.GetUtcNow().ToUnixTimeMilliseconds() % 10_000;
        _clients.Time.Advance(TimeSpan.FromMilliseconds(10_000 - 200 - intoWindow));

        // Without a guard the request goes now.
        Assert.IsType<Done<UniversalTransferPage>>(await client.Wallet.GetUniversalTransferHistoryAsync(History));
        Assert.Single(_clients.Handler.Calls);

        Task<Outcome<UniversalTransferPage>> pending;
        using (Ferry.Binance.Http.WeightLimiter.GuardWindowEdges(TimeSpan.FromMilliseconds(500)))
        {
            pending = client.Wallet.GetUniversalTransferHistoryAsync(History);
        }
        await _clients.Time.WaitForTimerAsync(due => due == TimeSpan.FromMilliseconds(200));
        Assert.False(pending.IsCompleted);
        Assert.Single(_clients.Handler.Calls);

        _clients.Time.Advance(TimeSpan.FromMilliseconds(200));
        Assert.IsType<Done<UniversalTransferPage>>(await pending);
        Assert.Equal(2, _clients.Handler.Calls.Count);
        // It was charged to the new window, where it reached the exchange.
        Assert.Equal(1, client.Limiter.GetUsage(BinanceEndpoints.UniversalTransferHistory).IpUsed);
    }

    [Fact]
    public async Task An_ip_header_syncs_only_its_own_endpoint()
    {
        var client = _clients.Hmac();
        _clients.Handler.Enqueue(HttpStatusCode.OK, "{\"total\":0}", ("X-SAPI-USED-IP-WEIGHT-1M", "4321"));

        await client.Wallet.GetUniversalTransferHistoryAsync(History);

        Assert.Equal(4321, client.Limiter.GetUsage(BinanceEndpoints.UniversalTransferHistory).IpUsed);
        Assert.Equal(0, client.Limiter.GetUsage(BinanceEndpoints.CrossMarginTransferHistory).IpUsed);
    }

    [Fact]
    public async Task Exceeding_the_budget_waits_instead_of_sending()
    {
        var client = _clients.Hmac(o =>
        {
            o.UidWeightPerMinute = 600;
            o.WeightWindow = TimeSpan.FromSeconds(10);
        });
        _clients.Handler.Enqueue(HttpStatusCode.OK, "{\"tranId\":1}").Enqueue(HttpStatusCode.OK, "{\"tranId\":2}").Enqueue(HttpStatusCode.OK, "{\"tranId\":3}");

        await client.Wallet.UniversalTransferAsync(Transfer);
        await client.Wallet.UniversalTransferAsync(Transfer);
        var pending = client.Wallet.UniversalTransferAsync(Transfer);

        Assert.False(pending.IsCompleted);
        Assert.Equal(2, _clients.Handler.Calls.Count);
        _clients.Time.Advance(TimeSpan.FromSeconds(10));
        Assert.IsType<Done<UniversalTransferResult>>(await pending);
        Assert.Equal(3, _clients.Handler.Calls.Count);
    }

    [Fact]
    public async Task A_429_with_retry_after_is_rejected_blocks_the_endpoint_and_the_post_is_not_resent()
    {
        var client = _clients.Hmac();
        _clients.Handler
            .Enqueue(HttpStatusCode.TooManyRequests, "{\"code\":-1003,\"msg\":\"Too many requests; current request has limited.\"}", ("Retry-After", "30"));

        var first = await client.Wallet.UniversalTransferAsync(Transfer);

        var error = Assert.IsType<Rejected<UniversalTransferResult>>(first).Error;
        Assert.Equal(new Ferry.Core.Outcomes.ExchangeError(429, "-1003", "Too many requests; current request has limited."), error);
        Assert.Single(_clients.Handler.Calls);
        Assert.Equal(_clients.Time.GetUtcNow().AddSeconds(30), client.Limiter.GetUsage(BinanceEndpoints.UniversalTransfer).BlockedUntil);

        var history = await WithHistoryAnswer(client);
        Assert.True(history.IsDone);

        _clients.Handler.Enqueue(HttpStatusCode.OK, "{\"tranId\":5}");
        var pending = client.Wallet.UniversalTransferAsync(Transfer);
        Assert.False(pending.IsCompleted);
        _clients.Time.Advance(TimeSpan.FromSeconds(29));
        Assert.False(pending.IsCompleted);
        _clients.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(5L, Assert.IsType<Done<UniversalTransferResult>>(await pending).Value.TranId);
    }

    [Fact]
    public async Task A_418_without_a_body_is_rejected_with_1003()
    {
        var client = _clients.Hmac();
        _clients.Handler.Enqueue((HttpStatusCode)418, "", ("Retry-After", "120"));

        var outcome = await client.Wallet.UniversalTransferAsync(Transfer);

        var error = Assert.IsType<Rejected<UniversalTransferResult>>(outcome).Error;
        Assert.Equal((418, "-1003"), (error.HttpStatus, error.Code));
    }

    [Fact]
    public async Task A_wait_longer_than_the_maximum_is_not_sent()
    {
        var client = _clients.Hmac(o => o.MaxRateWait = TimeSpan.FromSeconds(10));
        _clients.Handler.Enqueue(HttpStatusCode.TooManyRequests, "{\"code\":-1003,\"msg\":\"Too many requests.\"}", ("Retry-After", "60"));
        await client.Wallet.UniversalTransferAsync(Transfer);

        var outcome = await client.Wallet.UniversalTransferAsync(Transfer);

        var notSent = Assert.IsType<NotSent<UniversalTransferResult>>(outcome);
        Assert.Equal(NotSentReason.RateBudget, notSent.Reason);
        Assert.Contains("would have to wait 60 s", notSent.Message, StringComparison.Ordinal);
        Assert.Single(_clients.Handler.Calls);
    }

    [Fact]
    public async Task A_weight_larger_than_the_whole_budget_is_not_sent()
    {
        var client = _clients.Hmac(o => o.UidWeightPerMinute = 100);

        var outcome = await client.Wallet.UniversalTransferAsync(Transfer);

        Assert.Equal(NotSentReason.RateBudget, Assert.IsType<NotSent<UniversalTransferResult>>(outcome).Reason);
        Assert.Empty(_clients.Handler.Calls);
    }

    [Fact]
    public async Task Cancelling_while_waiting_for_budget_is_not_sent()
    {
        var client = _clients.Hmac();
        _clients.Handler.Enqueue(HttpStatusCode.TooManyRequests, "{\"code\":-1003,\"msg\":\"Too many requests.\"}", ("Retry-After", "30"));
        await client.Wallet.UniversalTransferAsync(Transfer);
        using var cts = new CancellationTokenSource();

        var pending = client.Wallet.UniversalTransferAsync(Transfer, cts.Token);
        await cts.CancelAsync();
        var outcome = await pending;

        Assert.Equal(NotSentReason.Cancelled, Assert.IsType<NotSent<UniversalTransferResult>>(outcome).Reason);
        Assert.Single(_clients.Handler.Calls);
    }

    private async Task<Outcome<UniversalTransferPage>> WithHistoryAnswer(BinanceClient client)
    {
        _clients.Handler.Enqueue(HttpStatusCode.OK, "{\"total\":0}");
        return await client.Wallet.GetUniversalTransferHistoryAsync(History);
    }
}
