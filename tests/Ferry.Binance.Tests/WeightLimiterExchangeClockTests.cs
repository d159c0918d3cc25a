using System.Globalization;
using System.Net;
using Ferry.Binance.Models;
using Ferry.Binance.Tests.Support;
using Ferry.Binance.Wallet;
using Ferry.Core.Outcomes;

namespace Ferry.Binance.Tests;

/// <summary>
/// The limiter counts by the exchange's clock: its windows are the exchange's minutes (server time offset), the
/// used-weight headers correct its count for the window they were counted in, weight still in flight at a window's end
/// is counted in the next until its answer says where it landed, and no request starts in a window's last part.
/// </summary>
public sealed class WeightLimiterExchangeClockTests : IDisposable
{
    private const string UidHeader = "X-SAPI-USED-UID-WEIGHT-1M";
    private static readonly UniversalTransferRequest Transfer = new(UniversalTransferType.MainUmFuture, "USDT", 1m);
    private static readonly UniversalTransferHistoryQuery History = new(UniversalTransferType.MainUmFuture);
    private readonly TestClients _clients = new();

    public void Dispose() => _clients.Dispose();

    [Fact]
    public async Task A_header_answered_after_the_window_rolled_that_counts_the_old_window_does_not_block_the_new_one()
    {
        var client = _clients.Hmac(o => o.UidWeightPerMinute = 1800);
        await FiveTransfersConfirmed(client);
        AdvanceTo(TimeSpan.FromSeconds(59.5));
        // The sixth is answered after our window ended, but its header (1800 >= the 1500 already confirmed) shows the
        // exchange counted it in the old window.
        _clients.Handler.Enqueue((_, _) =>
        {
            _clients.Time.Advance(TimeSpan.FromSeconds(1));
            return Task.FromResult(FakeBinanceHandler.Response(HttpStatusCode.OK, "{\"tranId\":6}", (UidHeader, "1800")));
        });

        Assert.True((await client.Wallet.UniversalTransferAsync(Transfer)).IsDone);

        Assert.Equal(0, client.Limiter.GetUsage(BinanceEndpoints.UniversalTransfer).UidUsed);
        _clients.Handler.Enqueue(HttpStatusCode.OK, "{\"tranId\":7}", (UidHeader, "300"));
        var next = client.Wallet.UniversalTransferAsync(Transfer);
        Assert.True(next.IsCompleted, "the new window's budget is untouched, so the next transfer goes at once");
        Assert.True((await next).IsDone);
    }

    [Fact]
    public async Task Weight_in_flight_when_a_window_ends_counts_in_the_next_one_until_its_answer_shows_where_it_was_counted()
    {
        var client = _clients.Hmac(o => o.UidWeightPerMinute = 1800);
        await FiveTransfersConfirmed(client);
        AdvanceTo(TimeSpan.FromSeconds(59.5));
        var answer = new TaskCompletionSource<HttpResponseMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        _clients.Handler.Enqueue((_, _) => answer.Task);
        var sent = _clients.Handler.NextCall;
        var slow = client.Wallet.UniversalTransferAsync(Transfer);
        await sent;
        AdvanceTo(TimeSpan.FromSeconds(60.5));

        // The slow one may reach the exchange in this window: only five more fit beside it.
        for (var i = 0; i < 5; i++)
        {
            _clients.Handler.Enqueue(HttpStatusCode.OK, "{\"tranId\":10}");
            Assert.True((await client.Wallet.UniversalTransferAsync(Transfer)).IsDone);
        }
        var sixth = client.Wallet.UniversalTransferAsync(Transfer);
        Assert.False(sixth.IsCompleted);
        Assert.Equal(11, _clients.Handler.Calls.Count);

        // Its header (300, below the 1500 confirmed before it was sent) says it was counted in the new window: still full.
        answer.SetResult(FakeBinanceHandler.Response(HttpStatusCode.OK, "{\"tranId\":6}", (UidHeader, "300")));
        Assert.True((await slow).IsDone);
        Assert.Equal(1800, client.Limiter.GetUsage(BinanceEndpoints.UniversalTransfer).UidUsed);
        Assert.False(sixth.IsCompleted);
        Assert.Equal(11, _clients.Handler.Calls.Count);
    }

    [Fact]
    public async Task Windows_are_the_exchanges_minutes_from_the_measured_server_time_offset()
    {
        _clients.Handler.ServerSkew = TimeSpan.FromSeconds(-30);
        var client = _clients.Hmac(o => o.UidWeightPerMinute = 600);
        AdvanceTo(TimeSpan.FromSeconds(40)); // local 12:00:40, the exchange's 12:00:10
        _clients.Handler.Enqueue(HttpStatusCode.OK, "{\"tranId\":1}").Enqueue(HttpStatusCode.OK, "{\"tranId\":2}").Enqueue(HttpStatusCode.OK, "{\"tranId\":3}");
        Assert.True((await client.Wallet.UniversalTransferAsync(Transfer)).IsDone);
        Assert.True((await client.Wallet.UniversalTransferAsync(Transfer)).IsDone);

        var third = client.Wallet.UniversalTransferAsync(Transfer);

        // The exchange's window ends at its 12:01:00, which is 12:01:30 here: 50 s, not the 20 s to the local minute.
        Assert.False(third.IsCompleted);
        Assert.Contains(TimeSpan.FromSeconds(50), _clients.Time.PendingTimers());
        _clients.Time.Advance(TimeSpan.FromSeconds(20));
        Assert.False(third.IsCompleted);
        Assert.Equal(2, _clients.Handler.Calls.Count);
        _clients.Time.Advance(TimeSpan.FromSeconds(30));
        Assert.True((await third).IsDone);
    }

    [Fact]
    public async Task A_server_clock_measured_behind_a_window_already_counted_keeps_that_window_until_it_ends()
    {
        _clients.Handler.ServerSkew = TimeSpan.FromSeconds(-2);
        var client = _clients.Hmac();
        AdvanceTo(TimeSpan.FromSeconds(60.9)); // local 12:01:00.9, the exchange's 12:00:58.9
        _clients.Handler.Enqueue(HttpStatusCode.OK, "{\"total\":0}");
        Assert.True((await client.Wallet.GetUniversalTransferHistoryAsync(History)).IsDone);

        // The first time request was counted in the local 12:01 window, before the offset was known. The next one, at
        // the exchange's 12:00:58.9, is counted and settled in that same window: nothing is left in flight.
        Assert.IsType<Done<TimeSpan>>(await client.Clock.MeasureAsync());

        var usage = client.Limiter.GetUsage(BinanceEndpoints.ServerTime);
        Assert.Equal((2, 0), (usage.IpUsed, usage.InFlight));
    }

    [Fact]
    public async Task A_used_weight_below_what_was_confirmed_means_the_exchanges_window_turned_over_and_the_limiter_follows_it()
    {
        var client = _clients.Hmac(o => o.UidWeightPerMinute = 1800);
        for (var i = 1; i <= 3; i++)
        {
            _clients.Handler.Enqueue(HttpStatusCode.OK, "{\"tranId\":1}", (UidHeader, (300 * i).ToString(CultureInfo.InvariantCulture)));
            Assert.True((await client.Wallet.UniversalTransferAsync(Transfer)).IsDone);
        }
        AdvanceTo(TimeSpan.FromSeconds(50));

        // 300 after 900 was confirmed: the exchange's count went down, so its window ended before ours would have.
        _clients.Handler.Enqueue(HttpStatusCode.OK, "{\"tranId\":4}", (UidHeader, "300"));
        Assert.True((await client.Wallet.UniversalTransferAsync(Transfer)).IsDone);

        Assert.Equal(300, client.Limiter.GetUsage(BinanceEndpoints.UniversalTransfer).UidUsed);
        for (var i = 0; i < 5; i++)
        {
            _clients.Handler.Enqueue(HttpStatusCode.OK, "{\"tranId\":5}");
            var go = client.Wallet.UniversalTransferAsync(Transfer);
            Assert.True(go.IsCompleted, $"transfer {i + 5} fits the exchange's new window");
            Assert.True((await go).IsDone);
        }
        _clients.Handler.Enqueue(HttpStatusCode.OK, "{\"tranId\":10}");
        var full = client.Wallet.UniversalTransferAsync(Transfer);
        // The exchange's window started 10 s before our minute would have ended; the next one starts a minute later.
        Assert.False(full.IsCompleted);
        Assert.Contains(TimeSpan.FromSeconds(60), _clients.Time.PendingTimers());
        _clients.Time.Advance(TimeSpan.FromSeconds(60));
        Assert.True((await full).IsDone);
    }

    [Fact]
    public async Task Every_request_keeps_out_of_the_last_part_of_a_window_without_any_guard_scope()
    {
        var client = _clients.Hmac();
        _clients.Handler.Enqueue(HttpStatusCode.OK, "{\"total\":0}");
        AdvanceTo(TimeSpan.FromSeconds(60) - TimeSpan.FromMilliseconds(50));

        var pending = client.Wallet.GetUniversalTransferHistoryAsync(History);

        Assert.False(pending.IsCompleted);
        Assert.Empty(_clients.Handler.Calls);
        _clients.Time.Advance(TimeSpan.FromMilliseconds(50));
        Assert.True((await pending).IsDone);
        Assert.Single(_clients.Handler.Calls);
    }

    [Fact]
    public async Task The_edge_margin_grows_with_the_round_trips_the_client_has_seen()
    {
        var client = _clients.Hmac();
        Assert.Equal(TimeSpan.FromMilliseconds(100), client.Limiter.EdgeMargin); // the floor, WindowEdgeMargin
        // Every answer takes 300 ms, the server-time one too: our idea of the exchange's clock may be 300 ms late, and a
        // request takes up to 300 ms to get there.
        _clients.Handler.TimeResponder = (_, _) =>
        {
            _clients.Time.Advance(TimeSpan.FromMilliseconds(300));
            var serverNow = _clients.Time.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
            return Task.FromResult(FakeBinanceHandler.Response(HttpStatusCode.OK, "{\"serverTime\":" + serverNow + "}"));
        };
        _clients.Handler.Enqueue((_, _) =>
        {
            _clients.Time.Advance(TimeSpan.FromMilliseconds(300));
            return Task.FromResult(FakeBinanceHandler.Response(HttpStatusCode.OK, "{\"total\":0}"));
        });
        Assert.True((await client.Wallet.GetUniversalTransferHistoryAsync(History)).IsDone);
        _clients.Handler.Enqueue(HttpStatusCode.OK, "{\"total\":0}");
        Assert.Equal(TimeSpan.FromMilliseconds(600), client.Limiter.EdgeMargin);
        AdvanceTo(TimeSpan.FromSeconds(60) - TimeSpan.FromMilliseconds(500));

        // 500 ms before the end is too late to be sure of reaching the exchange in this window.
        var pending = client.Wallet.GetUniversalTransferHistoryAsync(History);

        Assert.False(pending.IsCompleted);
        Assert.Single(_clients.Handler.Calls);
        _clients.Time.Advance(TimeSpan.FromMilliseconds(500));
        Assert.True((await pending).IsDone);
    }

    [Fact]
    public async Task A_reservation_made_ahead_and_never_used_is_given_back_and_not_left_in_flight()
    {
        var client = _clients.Hmac(o => o.UidWeightPerMinute = 600);
        var ticket = await client.Limiter.ReserveAheadAsync(BinanceEndpoints.UniversalTransfer, TimeSpan.Zero, CancellationToken.None);
        Assert.True(ticket.Grant.Granted);
        Assert.Equal((300, 300), (client.Limiter.GetUsage(BinanceEndpoints.UniversalTransfer).UidUsed, client.Limiter.GetUsage(BinanceEndpoints.UniversalTransfer).InFlight));

        client.Limiter.Return(ticket);
        client.Limiter.Return(ticket);

        Assert.Equal((0, 0), (client.Limiter.GetUsage(BinanceEndpoints.UniversalTransfer).UidUsed, client.Limiter.GetUsage(BinanceEndpoints.UniversalTransfer).InFlight));
        Assert.True(ticket.Used);
    }

    [Fact]
    public async Task A_reservation_whose_window_ended_before_the_send_is_given_back_and_the_send_reserves_afresh()
    {
        var client = _clients.Hmac(o => o.UidWeightPerMinute = 600);
        var ticket = await client.Limiter.ReserveAheadAsync(BinanceEndpoints.UniversalTransfer, TimeSpan.Zero, CancellationToken.None);
        AdvanceTo(TimeSpan.FromSeconds(60.5));
        _clients.Handler.Enqueue(HttpStatusCode.OK, "{\"tranId\":1}", (UidHeader, "300"));

        using (Ferry.Binance.Http.WeightLimiter.Prepay(ticket))
        {
            Assert.True((await client.Wallet.UniversalTransferAsync(Transfer)).IsDone);
        }

        // Only the fresh reservation counts in the new window, and nothing is left in flight.
        Assert.Equal((300, 0), (client.Limiter.GetUsage(BinanceEndpoints.UniversalTransfer).UidUsed, client.Limiter.GetUsage(BinanceEndpoints.UniversalTransfer).InFlight));
    }

    /// <summary>Five transfers at the start of the window, the exchange confirming 300, 600, ... 1500.</summary>
    private async Task FiveTransfersConfirmed(BinanceClient client)
    {
        for (var i = 1; i <= 5; i++)
        {
            _clients.Handler.Enqueue(HttpStatusCode.OK, "{\"tranId\":1}", (UidHeader, (300 * i).ToString(CultureInfo.InvariantCulture)));
            Assert.True((await client.Wallet.UniversalTransferAsync(Transfer)).IsDone);
        }
    }

    /// <summary>Moves the clock to <paramref name="intoMinute"/> past the start of the current (local) minute.</summary>
    private void AdvanceTo(TimeSpan intoMinute)
    {
        var now = _clients.Time.GetUtcNow();
        var minuteStart = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero);
        _clients.Time.Advance(minuteStart + intoMinute - now);
    }
}
