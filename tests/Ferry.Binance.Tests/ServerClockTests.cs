using System.Net;
using Ferry.Binance.Models;
using Ferry.Binance.Tests.Support;
using Ferry.Binance.Wallet;
using Ferry.Core.Outcomes;

namespace Ferry.Binance.Tests;

public sealed class ServerClockTests : IDisposable
{
    private const string ClockError = "{\"code\":-1021,\"msg\":\"Timestamp for this request is outside of the recvWindow.\"}";
    private static readonly UniversalTransferRequest Transfer = new(UniversalTransferType.MainFunding, "USDT", 5m);
    private readonly TestClients _clients = new();

    public void Dispose() => _clients.Dispose();

    private static long Timestamp(RecordedRequest request)
    {
        var text = request.Body ?? request.Query;
        var start = text.IndexOf("timestamp=", StringComparison.Ordinal) + "timestamp=".Length;
        return long.Parse(text[start..text.IndexOf('&', start)], System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task The_clock_is_measured_once_before_the_first_signed_request()
    {
        var client = _clients.Hmac();
        _clients.Handler.ServerSkew = TimeSpan.FromSeconds(-2);
        _clients.Handler.Enqueue(HttpStatusCode.OK, "{\"tranId\":1}").Enqueue(HttpStatusCode.OK, "{\"tranId\":2}");

        Assert.False(client.Clock.IsMeasured);
        await client.Wallet.UniversalTransferAsync(Transfer);
        await client.Wallet.UniversalTransferAsync(Transfer);

        Assert.Equal(1, _clients.Handler.TimeRequests);
        Assert.Equal("/api/v3/time", _clients.Handler.Requests[0].Path);
        Assert.Equal(TimeSpan.FromSeconds(-2), client.Clock.Offset);
        Assert.Equal(_clients.Time.GetUtcNow().AddSeconds(-2).ToUnixTimeMilliseconds(), Timestamp(_clients.Handler.Calls[0]));
    }

    [Fact]
    public async Task The_offset_is_taken_at_the_midpoint_of_the_round_trip()
    {
        var client = _clients.Hmac();
        long serverTime = 0;
        _clients.Handler.TimeResponder = (_, _) =>
        {
            serverTime = _clients.Time.GetUtcNow().ToUnixTimeMilliseconds() + 10_000;
            _clients.Time.Advance(TimeSpan.FromMilliseconds(400));
            return Task.FromResult(FakeBinanceHandler.Response(HttpStatusCode.OK, $"{{\"serverTime\":{serverTime}}}"));
        };

        var outcome = await client.Clock.MeasureAsync();

        // Sent at t, answered at t+400 with the server's t+10000: midpoint t+200, so the offset is 9800 ms.
        Assert.Equal(TimeSpan.FromMilliseconds(9800), Assert.IsType<Done<TimeSpan>>(outcome).Value);
        Assert.True(client.Clock.IsMeasured);
    }

    [Fact]
    public async Task A_1021_rejection_remeasures_the_clock_and_resends_exactly_once()
    {
        var client = _clients.Hmac();
        _clients.Handler.Enqueue(HttpStatusCode.BadRequest, ClockError).Enqueue(HttpStatusCode.OK, "{\"tranId\":77}");

        await client.Clock.MeasureAsync();
        _clients.Handler.ServerSkew = TimeSpan.FromSeconds(5);
        var outcome = await client.Wallet.UniversalTransferAsync(Transfer);

        Assert.Equal(77L, Assert.IsType<Done<UniversalTransferResult>>(outcome).Value.TranId);
        Assert.Equal(2, _clients.Handler.TimeRequests);
        var calls = _clients.Handler.Calls;
        Assert.Equal(2, calls.Count);
        Assert.Equal(5000, Timestamp(calls[1]) - Timestamp(calls[0]));
        Assert.NotEqual(calls[0].Body, calls[1].Body);
    }

    [Fact]
    public async Task A_second_1021_is_returned_as_rejected_without_another_resend()
    {
        var client = _clients.Hmac();
        _clients.Handler.Enqueue(HttpStatusCode.BadRequest, ClockError).Enqueue(HttpStatusCode.BadRequest, ClockError);

        var outcome = await client.Wallet.UniversalTransferAsync(Transfer);

        Assert.Equal("-1021", Assert.IsType<Rejected<UniversalTransferResult>>(outcome).Error.Code);
        Assert.Equal(2, _clients.Handler.Calls.Count);
        Assert.Equal(2, _clients.Handler.TimeRequests);
    }

    [Fact]
    public async Task Other_rejections_are_never_resent()
    {
        var client = _clients.Hmac();
        _clients.Handler.Enqueue(HttpStatusCode.BadRequest, "{\"code\":-1022,\"msg\":\"Signature for this request is not valid.\"}");

        var outcome = await client.Wallet.UniversalTransferAsync(Transfer);

        Assert.Equal("-1022", Assert.IsType<Rejected<UniversalTransferResult>>(outcome).Error.Code);
        Assert.Single(_clients.Handler.Calls);
        Assert.Equal(1, _clients.Handler.TimeRequests);
    }

    [Fact]
    public async Task When_the_clock_cannot_be_measured_the_signed_request_is_not_sent()
    {
        var client = _clients.Hmac();
        _clients.Handler.TimeResponder = (_, _) => Task.FromResult(FakeBinanceHandler.Response(HttpStatusCode.ServiceUnavailable, ""));

        var outcome = await client.Wallet.UniversalTransferAsync(Transfer);

        var notSent = Assert.IsType<NotSent<UniversalTransferResult>>(outcome);
        Assert.Equal(NotSentReason.ClockUnavailable, notSent.Reason);
        Assert.Contains("server clock could not be measured", notSent.Message, StringComparison.Ordinal);
        Assert.Empty(_clients.Handler.Calls);
    }
}
