using System.Net;
using System.Net.Sockets;
using Ferry.Binance.Models;
using Ferry.Binance.Tests.Support;
using Ferry.Binance.Wallet;
using Ferry.Core.Outcomes;

namespace Ferry.Binance.Tests;

/// <summary>Each HTTP answer (or failure) ends in exactly the outcome of design principle 3.</summary>
public sealed class OutcomeMappingTests : IDisposable
{
    private static readonly UniversalTransferRequest Transfer = new(UniversalTransferType.MainUmFuture, "USDT", 10m);
    private readonly TestClients _clients = new();

    public void Dispose() => _clients.Dispose();

    [Theory]
    [InlineData(400, "{\"code\":-1022,\"msg\":\"Signature for this request is not valid.\"}", "-1022", "Signature for this request is not valid.")]
    [InlineData(401, "{\"code\":-2015,\"msg\":\"Invalid API-key, IP, or permissions for action.\"}", "-2015", "Invalid API-key, IP, or permissions for action.")]
    [InlineData(400, "{\"code\":-5002,\"msg\":\"You have insufficient balance.\"}", "-5002", "You have insufficient balance.")]
    [InlineData(400, "{\"msg\":\"Sub-account function is not enabled.\",\"success\":false}", "", "Sub-account function is not enabled.")]
    [InlineData(400, "{\"code\":\"100001002\",\"msg\":\"Unsupported operation\"}", "100001002", "Unsupported operation")]
    public async Task Error_envelopes_map_to_rejected_with_code_message_and_status(int status, string body, string code, string msg)
    {
        var client = _clients.Hmac();
        _clients.Handler.Enqueue((HttpStatusCode)status, body);

        var outcome = await client.Wallet.UniversalTransferAsync(Transfer);

        var error = Assert.IsType<Rejected<UniversalTransferResult>>(outcome).Error;
        Assert.Equal(new ExchangeError(status, code, msg), error);
        Assert.Single(_clients.Handler.Calls);
    }

    [Fact]
    public async Task A_4xx_without_an_envelope_is_rejected_with_its_status()
    {
        var client = _clients.Hmac();
        _clients.Handler.Enqueue(HttpStatusCode.Forbidden, "<html>WAF</html>");

        var outcome = await client.Wallet.UniversalTransferAsync(Transfer);

        var error = Assert.IsType<Rejected<UniversalTransferResult>>(outcome).Error;
        Assert.Equal(403, error.HttpStatus);
        Assert.Equal("", error.Code);
        Assert.Contains("HTTP 403", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task A_5xx_is_unknown_and_a_post_is_not_resent(int status)
    {
        var client = _clients.Hmac(o => o.GetRetryCount = 3);
        _clients.Handler.Enqueue((HttpStatusCode)status, "{\"code\":-1000,\"msg\":\"An unknown error occurred while processing the request.\"}");

        var outcome = await client.Wallet.UniversalTransferAsync(Transfer);

        var unknown = Assert.IsType<Unknown<UniversalTransferResult>>(outcome);
        Assert.Equal(status, unknown.HttpStatus);
        Assert.Contains("execution status unknown", unknown.Message, StringComparison.Ordinal);
        Assert.Single(_clients.Handler.Calls);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("")]
    [InlineData("{}")]
    [InlineData("{\"tranId\":\"abc\"}")]
    [InlineData("{\"code\":-5002,\"msg\":\"You have insufficient balance.\"}")]
    [InlineData("{\"msg\":\"Sub-account function is not enabled.\",\"success\":false}")]
    public async Task An_unreadable_or_error_shaped_success_body_is_unknown(string body)
    {
        var client = _clients.Hmac();
        _clients.Handler.Enqueue(HttpStatusCode.OK, body);

        var outcome = await client.Wallet.UniversalTransferAsync(Transfer);

        Assert.Equal(200, Assert.IsType<Unknown<UniversalTransferResult>>(outcome).HttpStatus);
    }

    [Fact]
    public async Task An_error_shaped_success_body_of_a_history_is_unknown_not_an_empty_page()
    {
        var client = _clients.Hmac();
        _clients.Handler.Enqueue(HttpStatusCode.OK, "{\"code\":-1100,\"msg\":\"Illegal characters found in a parameter.\"}");

        var outcome = await client.Wallet.GetUniversalTransferHistoryAsync(new UniversalTransferHistoryQuery(UniversalTransferType.MainUmFuture));

        Assert.IsType<Unknown<UniversalTransferPage>>(outcome);
    }

    [Fact]
    public async Task A_timeout_after_the_request_was_sent_is_unknown()
    {
        var client = _clients.Hmac(o => o.Timeout = TimeSpan.FromSeconds(7));
        _clients.Handler.Enqueue(async (_, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            throw new InvalidOperationException("unreachable");
        });

        var seen = _clients.Handler.NextCall;
        var pending = client.Wallet.UniversalTransferAsync(Transfer);
        await seen;
        await _clients.Time.WaitForTimerAsync(due => due == TimeSpan.FromSeconds(7));
        Assert.False(pending.IsCompleted);
        _clients.Time.Advance(TimeSpan.FromSeconds(7));
        var outcome = await pending;

        var unknown = Assert.IsType<Unknown<UniversalTransferResult>>(outcome);
        Assert.Contains("timed out after 7 s", unknown.Message, StringComparison.Ordinal);
        Assert.Single(_clients.Handler.Calls);
    }

    [Fact]
    public async Task A_connection_lost_after_sending_is_unknown()
    {
        var client = _clients.Hmac();
        _clients.Handler.Enqueue((_, _) => throw new HttpRequestException("The response ended prematurely.", new IOException("reset")));

        var outcome = await client.Wallet.UniversalTransferAsync(Transfer);

        Assert.Contains("may have executed", Assert.IsType<Unknown<UniversalTransferResult>>(outcome).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_connection_is_not_sent()
    {
        var client = _clients.Hmac();
        _clients.Handler.Enqueue((_, _) => throw new HttpRequestException(HttpRequestError.ConnectionError, "refused",
            new SocketException((int)SocketError.ConnectionRefused)));

        var outcome = await client.Wallet.UniversalTransferAsync(Transfer);

        var notSent = Assert.IsType<NotSent<UniversalTransferResult>>(outcome);
        Assert.Equal(NotSentReason.Unreachable, notSent.Reason);
        Assert.Contains("ConnectionRefused", notSent.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancellation_before_sending_is_not_sent_and_nothing_leaves()
    {
        var client = _clients.Hmac();
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        var outcome = await client.Wallet.UniversalTransferAsync(Transfer, cts.Token);

        Assert.Equal(NotSentReason.Cancelled, Assert.IsType<NotSent<UniversalTransferResult>>(outcome).Reason);
        Assert.Empty(_clients.Handler.Requests);
    }

    [Fact]
    public async Task Caller_cancellation_after_sending_is_unknown()
    {
        var client = _clients.Hmac();
        using var cts = new CancellationTokenSource();
        _clients.Handler.Enqueue(async (_, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            throw new InvalidOperationException("unreachable");
        });

        var seen = _clients.Handler.NextCall;
        var pending = client.Wallet.UniversalTransferAsync(Transfer, cts.Token);
        await seen;
        await cts.CancelAsync();
        var outcome = await pending;

        Assert.Contains("cancelled by the caller after", Assert.IsType<Unknown<UniversalTransferResult>>(outcome).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_get_ending_unknown_is_retried_only_when_the_policy_allows()
    {
        var off = _clients.Hmac();
        _clients.Handler.Enqueue(HttpStatusCode.BadGateway, "");
        var query = new UniversalTransferHistoryQuery(UniversalTransferType.MainUmFuture);

        Assert.IsType<Unknown<UniversalTransferPage>>(await off.Wallet.GetUniversalTransferHistoryAsync(query));
        Assert.Single(_clients.Handler.Calls);

        var on = _clients.Hmac(o => o.GetRetryCount = 2);
        _clients.Handler.Enqueue(HttpStatusCode.BadGateway, "").Enqueue(HttpStatusCode.OK, "{\"total\":0}");
        var outcome = await on.Wallet.GetUniversalTransferHistoryAsync(query);

        Assert.Equal(0, Assert.IsType<Done<UniversalTransferPage>>(outcome).Value.Total);
        Assert.Equal(3, _clients.Handler.Calls.Count);
    }
}
