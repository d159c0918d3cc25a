using Ferry.Binance.Models;
using Ferry.Binance.Wallet;
using Ferry.Core.Credentials;
using Ferry.Core.Outcomes;
using Ferry.Simulator;
using Microsoft.Extensions.Time.Testing;
using Ferry.Simulator.Binance;

namespace Ferry.EndToEnd.Tests;

/// <summary>Weight budgets: the client waits or refuses rather than sending past the limit; a 429 blocks the endpoint.
/// Client and simulator share a clock that stands still at the start of a minute, so no window edge is ever near.</summary>
public sealed class RateLimitEndToEndTests : SimulatorFixture
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 5, 12, 0, 0, 500, TimeSpan.Zero));

    // Two universal transfers (UID 300 each) per hour-long window on the simulator.
    protected override SimRateLimits RateLimits => new() { UidWeightPerWindow = 600, Window = TimeSpan.FromHours(1) };

    protected override TimeProvider SimulatorTime => _clock;

    private static UniversalTransferRequest OneUsdt => new(UniversalTransferType.MainFunding, "USDT", 1m);

    [Fact]
    public async Task The_simulator_answers_429_past_its_limit_and_the_client_then_refuses_without_sending()
    {
        using var client = Client(Credentials(SigningKind.Hmac), o =>
        {
            o.Time = _clock;
            o.MaxRateWait = TimeSpan.FromSeconds(1);
        });
        Assert.True((await client.Wallet.UniversalTransferAsync(OneUsdt)).IsDone);
        Assert.True((await client.Wallet.UniversalTransferAsync(OneUsdt)).IsDone);

        var throttled = await client.Wallet.UniversalTransferAsync(OneUsdt);
        var error = Assert.IsType<Rejected<UniversalTransferResult>>(throttled).Error;
        Assert.Equal((429, "-1003"), (error.HttpStatus, error.Code));

        var blocked = await client.Wallet.UniversalTransferAsync(OneUsdt);
        Assert.Equal(NotSentReason.RateBudget, Assert.IsType<NotSent<UniversalTransferResult>>(blocked).Reason);
        Assert.Equal(2m, Balance("FUNDING"));
    }

    [Fact]
    public async Task The_clients_own_budget_refuses_before_the_exchange_would()
    {
        using var client = Client(Credentials(SigningKind.Hmac), o =>
        {
            o.Time = _clock;
            o.UidWeightPerMinute = 600;
            o.MaxRateWait = TimeSpan.Zero;
        });
        Assert.True((await client.Wallet.UniversalTransferAsync(OneUsdt)).IsDone);
        Assert.True((await client.Wallet.UniversalTransferAsync(OneUsdt)).IsDone);

        var third = await client.Wallet.UniversalTransferAsync(OneUsdt);

        Assert.Equal(NotSentReason.RateBudget, Assert.IsType<NotSent<UniversalTransferResult>>(third).Reason);
        Assert.Equal(2m, Balance("FUNDING"));
        Assert.Equal(600, client.Limiter.GetUsage(client.Endpoints.Single(e => e.Path == "/sapi/v1/asset/transfer" && e.Method == HttpMethod.Post)).UidUsed);
    }
}
