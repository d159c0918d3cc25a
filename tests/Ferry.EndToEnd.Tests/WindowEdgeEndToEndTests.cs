using Ferry.Binance;
using Ferry.Binance.Models;
using Ferry.Binance.Wallet;
using Ferry.Core.Credentials;
using Ferry.Core.Outcomes;
using Ferry.Simulator;
using Ferry.Testing;
using Ferry.Simulator.Binance;

namespace Ferry.EndToEnd.Tests;

/// <summary>
/// The flake, made to happen on purpose: a transfer reserved half a second before the window's end is held on its way
/// until the simulator's window has turned, so the simulator counts it in the next window. The client must count it
/// there too until its answer says otherwise, and send only what still fits: no 429.
/// </summary>
public sealed class WindowEdgeEndToEndTests : SimulatorFixture
{
    private static readonly DateTimeOffset Start = new(2026, 12, 5, 12, 0, 0, 500, TimeSpan.Zero);
    private static readonly UniversalTransferRequest OneUsdt = new(UniversalTransferType.MainFunding, "USDT", 1m);
    private readonly WatchedFakeTimeProvider _clock = new(Start);

    // Five universal transfers (UID 300 each) per one-minute window.
    protected override SimRateLimits RateLimits => new() { UidWeightPerWindow = 1500, Window = TimeSpan.FromMinutes(1) };

    protected override TimeProvider SimulatorTime => _clock;

    [Fact]
    public async Task A_transfer_that_reaches_the_exchange_after_its_window_ended_is_counted_in_the_next_and_nothing_is_throttled()
    {
        using var wire = new HoldingHandler();
        using var client = new BinanceClient(Credentials(SigningKind.Hmac), new BinanceClientOptions
        {
            BaseAddress = Host.BaseAddress,
            Time = _clock,
            UidWeightPerMinute = 1500,
            MaxRateWait = TimeSpan.FromMinutes(5),
            Timeout = TimeSpan.FromMinutes(10),
        }, wire);
        for (var i = 0; i < 4; i++)
        {
            Assert.True((await client.Wallet.UniversalTransferAsync(OneUsdt)).IsDone);
        }

        _clock.SetUtcNow(Start.AddSeconds(59)); // 12:00:59.5, outside the edge margin
        var held = wire.HoldNext();
        var late = client.Wallet.UniversalTransferAsync(OneUsdt);
        await held.Arrived;
        _clock.SetUtcNow(Start.AddSeconds(59.7)); // 12:01:00.2: the simulator's window has turned under it

        // Four fit beside the one still on its way; the fifth waits for the next window.
        for (var i = 0; i < 4; i++)
        {
            Assert.True((await client.Wallet.UniversalTransferAsync(OneUsdt)).IsDone);
        }
        var fifth = client.Wallet.UniversalTransferAsync(OneUsdt);
        Assert.False(fifth.IsCompleted);

        held.Release();
        Assert.True((await late).IsDone);
        Assert.False(fifth.IsCompleted);
        Assert.Equal(TimeSpan.FromSeconds(59.8), _clock.NextDue());
        _clock.Advance(TimeSpan.FromSeconds(59.8));
        Assert.True((await fifth).IsDone);

        Assert.Equal(0, Host.Throttled);
        Assert.Equal(10m, Balance("FUNDING"));
        Assert.All(Host.RateUsage(), u => Assert.InRange(u.Used, 0, 1500));
    }

    /// <summary>Forwards to the simulator over loopback; can hold one request before it leaves.</summary>
    private sealed class HoldingHandler() : DelegatingHandler(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false })
    {
        private Hold? _next;

        public Hold HoldNext() => _next = new Hold();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.RequestUri!.AbsolutePath != "/api/v3/time" && Interlocked.Exchange(ref _next, null) is { } hold)
            {
                hold.Arrive();
                await hold.Released.WaitAsync(cancellationToken);
            }

            return await base.SendAsync(request, cancellationToken);
        }
    }

    private sealed class Hold
    {
        private readonly TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Arrived => _arrived.Task;

        public Task Released => _released.Task;

        public void Arrive() => _arrived.TrySetResult();

        public void Release() => _released.TrySetResult();
    }
}
