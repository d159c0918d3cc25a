using System.Net;
using Ferry.Binance.Margin;
using Ferry.Binance.Models;
using Ferry.Binance.Tests.Support;
using Ferry.Binance.Wallet;
using Ferry.Core.Outcomes;

namespace Ferry.Binance.Tests;

/// <summary>
/// HTTP 429/418: an idempotent GET is sent again after Retry-After (waiting on the injected clock), a POST never is;
/// until Retry-After has passed nothing is sent on the budget that was refused.
/// </summary>
public sealed class RateLimitRetryTests : IDisposable
{
    private const string TooMany = "{\"code\":-1003,\"msg\":\"Too many requests; current request has limited.\"}";
    private static readonly UniversalTransferRequest Transfer = new(UniversalTransferType.MainUmFuture, "USDT", 1m);
    private static readonly UniversalTransferHistoryQuery History = new(UniversalTransferType.MainUmFuture);
    private readonly TestClients _clients = new();

    public void Dispose() => _clients.Dispose();

    [Fact]
    public async Task A_get_answered_429_is_sent_again_once_retry_after_has_passed_on_the_injected_clock()
    {
        var client = _clients.Hmac();
        _clients.Handler.Enqueue(HttpStatusCode.TooManyRequests, TooMany, ("Retry-After", "5")).Enqueue(HttpStatusCode.OK, "{\"total\":0}");

        var pending = client.Wallet.GetUniversalTransferHistoryAsync(History);

        Assert.False(pending.IsCompleted);
        Assert.Single(_clients.Handler.Calls);
        await _clients.Time.WaitForTimerAsync(due => due == TimeSpan.FromSeconds(5));
        _clients.Time.Advance(TimeSpan.FromSeconds(4.9));
        Assert.Single(_clients.Handler.Calls);
        _clients.Time.Advance(TimeSpan.FromSeconds(0.1));
        Assert.IsType<Done<UniversalTransferPage>>(await pending);
        Assert.Equal(2, _clients.Handler.Calls.Count);
    }

    [Fact]
    public async Task A_get_answered_429_again_after_its_retries_ends_rejected_with_the_exchanges_answer()
    {
        var client = _clients.Hmac(o => o.RateLimitedGetRetries = 1);
        _clients.Handler.Enqueue(HttpStatusCode.TooManyRequests, TooMany, ("Retry-After", "1")).Enqueue(HttpStatusCode.TooManyRequests, TooMany, ("Retry-After", "1"));

        var pending = client.Wallet.GetUniversalTransferHistoryAsync(History);
        await _clients.Time.WaitForTimerAsync(due => due == TimeSpan.FromSeconds(1));
        _clients.Time.Advance(TimeSpan.FromSeconds(1));

        var error = Assert.IsType<Rejected<UniversalTransferPage>>(await pending).Error;
        Assert.Equal((429, "-1003"), (error.HttpStatus, error.Code));
        Assert.Equal(2, _clients.Handler.Calls.Count);
    }

    [Fact]
    public async Task A_get_whose_retry_after_is_longer_than_the_allowed_wait_keeps_the_429()
    {
        var client = _clients.Hmac(o => o.MaxRateWait = TimeSpan.FromSeconds(10));
        _clients.Handler.Enqueue(HttpStatusCode.TooManyRequests, TooMany, ("Retry-After", "60"));

        var outcome = await client.Wallet.GetUniversalTransferHistoryAsync(History);

        Assert.Equal(429, Assert.IsType<Rejected<UniversalTransferPage>>(outcome).Error.HttpStatus);
        Assert.Single(_clients.Handler.Calls);
    }

    [Fact]
    public async Task A_post_answered_429_is_never_sent_again_whatever_the_get_retries()
    {
        var client = _clients.Hmac(o =>
        {
            o.RateLimitedGetRetries = 5;
            o.GetRetryCount = 5;
        });
        _clients.Handler.Enqueue(HttpStatusCode.TooManyRequests, TooMany, ("Retry-After", "1"));

        var outcome = await client.Wallet.UniversalTransferAsync(Transfer);
        _clients.Time.Advance(TimeSpan.FromSeconds(5));

        // 429 means the exchange did not execute it: Rejected, and the caller decides what to do.
        var error = Assert.IsType<Rejected<UniversalTransferResult>>(outcome).Error;
        Assert.Equal((429, "-1003"), (error.HttpStatus, error.Code));
        Assert.Single(_clients.Handler.Calls);
    }

    [Fact]
    public async Task A_418_ip_ban_holds_back_every_ip_budget_not_only_the_endpoint_that_drew_it()
    {
        var client = _clients.Hmac(o => o.MaxRateWait = TimeSpan.FromSeconds(10));
        _clients.Handler.Enqueue((HttpStatusCode)418, "{\"code\":-1003,\"msg\":\"Way too much request weight used; IP banned until 1660090423228.\"}", ("Retry-After", "120"));
        Assert.Equal(418, Assert.IsType<Rejected<UniversalTransferPage>>(await client.Wallet.GetUniversalTransferHistoryAsync(History)).Error.HttpStatus);

        var other = await client.Margin.GetCrossMarginTransferHistoryAsync(new CrossMarginTransferHistoryQuery());

        Assert.Equal(NotSentReason.RateBudget, Assert.IsType<NotSent<MarginTransferPage>>(other).Reason);
        Assert.Single(_clients.Handler.Calls);
    }
}
