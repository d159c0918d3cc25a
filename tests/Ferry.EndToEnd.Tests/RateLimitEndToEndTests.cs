using Ferry.Binance.Models;
using Ferry.Binance.Wallet;
using Ferry.Credentials;
using Ferry.Outcomes;
using Ferry.Simulator;

namespace Ferry.EndToEnd.Tests;

/// <summary>Weight budgets: the client waits or refuses rather than sending past the limit; a 429 blocks the endpoint.</summary>
public sealed class RateLimitEndToEndTests : SimulatorFixture
{
    // Two universal transfers (UID 300 each) per hour-long window on the simulator.
    protected override SimRateLimits RateLimits => new() { UidWeightPerWindow = 600, Window = TimeSpan.FromHours(1) };

    private static UniversalTransferRequest OneUsdt => new(UniversalTransferType.MainFunding, "USDT", 1m);

    [Fact]
    public async Task The_simulator_answers_429_past_its_limit_and_the_client_then_refuses_without_sending()
    {
        using var client = Client(Credentials(SigningKind.Hmac), o => o.MaxRateWait = TimeSpan.FromSeconds(1));
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
