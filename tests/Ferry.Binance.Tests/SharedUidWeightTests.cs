using System.Net;
using Ferry.Binance.Http;
using Ferry.Binance.Models;
using Ferry.Binance.Tests.Support;
using Ferry.Binance.Wallet;
using Ferry.Core.Outcomes;

namespace Ferry.Binance.Tests;

/// <summary>Clients of one key reserving UID weight in one shared store (<see cref="BinanceClientOptions.UidWeightStore"/>).</summary>
public sealed class SharedUidWeightTests : IDisposable
{
    private const string UidHeader = "X-SAPI-USED-UID-WEIGHT-1M";
    private static readonly UniversalTransferRequest Transfer = new(UniversalTransferType.MainUmFuture, "USDT", 1m);
    private static readonly UniversalTransferHistoryQuery History = new(UniversalTransferType.MainUmFuture);
    private readonly TestClients _clients = new();
    private readonly MemoryUidWeightStore _store = new();

    public void Dispose() => _clients.Dispose();

    [Fact]
    public async Task Two_clients_of_one_key_share_the_uid_budget_and_the_second_waits_for_the_next_window()
    {
        var first = Shared(600);
        var second = Shared(600);
        _clients.Handler.Enqueue(HttpStatusCode.OK, "{\"tranId\":1}").Enqueue(HttpStatusCode.OK, "{\"tranId\":2}")
            .Enqueue(HttpStatusCode.OK, "{\"tranId\":3}");

        Assert.True((await first.Wallet.UniversalTransferAsync(Transfer)).IsDone);
        Assert.True((await first.Wallet.UniversalTransferAsync(Transfer)).IsDone);
        // The second client has counted nothing itself, yet the account's window is full.
        Assert.Equal(0, second.Limiter.GetUsage(BinanceEndpoints.UniversalTransfer).UidUsed);
        var pending = second.Wallet.UniversalTransferAsync(Transfer);
        var toWindowEnd = ToWindowEnd();
        await _clients.Time.WaitForTimerAsync(due => due == toWindowEnd);
        Assert.False(pending.IsCompleted);
        Assert.Equal(2, _clients.Handler.Calls.Count);

        _clients.Time.Advance(toWindowEnd);
        Assert.Equal(3L, Assert.IsType<Done<UniversalTransferResult>>(await pending).Value.TranId);
        Assert.Equal([600, 300], _store.Windows().OrderBy(w => w.WindowStartMs).Select(_store.UsedIn));
    }

    [Fact]
    public async Task Without_a_store_the_same_two_clients_each_count_only_their_own()
    {
        var first = _clients.Hmac(o => o.UidWeightPerMinute = 600);
        var second = _clients.Hmac(o => o.UidWeightPerMinute = 600);
        _clients.Handler.Enqueue(HttpStatusCode.OK, "{\"tranId\":1}").Enqueue(HttpStatusCode.OK, "{\"tranId\":2}")
            .Enqueue(HttpStatusCode.OK, "{\"tranId\":3}");

        await first.Wallet.UniversalTransferAsync(Transfer);
        await first.Wallet.UniversalTransferAsync(Transfer);

        Assert.True((await second.Wallet.UniversalTransferAsync(Transfer)).IsDone);
        Assert.Empty(_store.Windows());
    }

    [Fact]
    public async Task A_used_weight_header_raises_the_shared_count_so_another_client_waits()
    {
        var first = Shared(1000);
        var second = Shared(1000);
        _clients.Handler.Enqueue(HttpStatusCode.OK, "{\"tranId\":1}", (UidHeader, "900")).Enqueue(HttpStatusCode.OK, "{\"tranId\":2}");

        await first.Wallet.UniversalTransferAsync(Transfer);
        Assert.Equal(900, _store.UsedIn(Assert.Single(_store.Windows())));

        var pending = second.Wallet.UniversalTransferAsync(Transfer);
        var toWindowEnd = ToWindowEnd();
        await _clients.Time.WaitForTimerAsync(due => due == toWindowEnd);
        Assert.False(pending.IsCompleted);
        _clients.Time.Advance(toWindowEnd);
        Assert.True((await pending).IsDone);
    }

    [Fact]
    public async Task Ip_weight_stays_with_each_client_and_never_reaches_the_store()
    {
        var first = Shared(600);
        var second = Shared(600);
        _clients.Handler.Enqueue(HttpStatusCode.OK, "{\"total\":0}");

        await first.Wallet.GetUniversalTransferHistoryAsync(History);

        Assert.Equal(1, first.Limiter.GetUsage(BinanceEndpoints.UniversalTransferHistory).IpUsed);
        Assert.Equal(0, second.Limiter.GetUsage(BinanceEndpoints.UniversalTransferHistory).IpUsed);
        Assert.Empty(_store.Reserved);
    }

    [Fact]
    public async Task A_store_that_cannot_be_reached_refuses_in_one_sentence_and_nothing_is_sent()
    {
        var client = Shared(600);
        _store.Unreachable = true;

        var outcome = Assert.IsType<NotSent<UniversalTransferResult>>(await client.Wallet.UniversalTransferAsync(Transfer));

        Assert.Equal(NotSentReason.RateBudget, outcome.Reason);
        Assert.Equal("Not sent: the shared UID weight budget could not be reached (InvalidOperationException), so no weight could be "
            + "reserved for POST /sapi/v1/asset/transfer.", outcome.Message);
        Assert.Empty(_clients.Handler.Calls);
        Assert.Equal(0, client.Limiter.GetUsage(BinanceEndpoints.UniversalTransfer).UidUsed);
    }

    [Fact]
    public async Task A_reservation_made_ahead_and_never_used_is_given_back_to_the_store()
    {
        var client = Shared(600);
        var ticket = await client.Limiter.ReserveAheadAsync(BinanceEndpoints.UniversalTransfer, TimeSpan.Zero, CancellationToken.None);
        var window = Assert.Single(_store.Windows());
        Assert.Equal(300, _store.UsedIn(window));

        client.Limiter.Return(ticket);

        Assert.Equal(0, _store.UsedIn(window));
    }

    [Fact]
    public async Task The_store_knows_the_account_by_a_hash_of_the_key_and_the_budget_by_its_endpoint()
    {
        var client = Shared(600);
        _clients.Handler.Enqueue(HttpStatusCode.OK, "{\"tranId\":1}");

        await client.Wallet.UniversalTransferAsync(Transfer);

        var window = Assert.Single(_store.Windows());
        Assert.Equal(UidWeightWindow.AccountOf(TestClients.DocApiKey), window.Account);
        Assert.Equal(32, window.Account.Length);
        Assert.DoesNotContain(TestClients.DocApiKey[..8], window.Account, StringComparison.Ordinal);
        Assert.Equal("POST /sapi/v1/asset/transfer", window.Budget);
        Assert.Equal(0, window.WindowStartMs % 60_000);
        Assert.Equal(60_000, window.WindowMs);
    }

    private BinanceClient Shared(int uidLimit) => _clients.Hmac(o =>
    {
        o.UidWeightPerMinute = uidLimit;
        o.UidWeightStore = _store;
    });

    private TimeSpan ToWindowEnd() =>
        TimeSpan.FromMinutes(1) - TimeSpan.FromMilliseconds(_clients.Time.GetUtcNow().ToUnixTimeMilliseconds() % 60_000);
}
