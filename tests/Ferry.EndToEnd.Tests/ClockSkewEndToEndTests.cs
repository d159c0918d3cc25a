using Ferry.Binance.Models;
using Ferry.Binance.Wallet;
using Ferry.Core.Credentials;
using Ferry.Core.Outcomes;
using Microsoft.Extensions.Time.Testing;

namespace Ferry.EndToEnd.Tests;

/// <summary>The server clock: measured before the first signed call, re-measured once after -1021.</summary>
public sealed class ClockSkewEndToEndTests : SimulatorFixture
{
    // The client and the simulator each keep their own clock, both standing still; a test moves only the simulator's.
    private static readonly DateTimeOffset Start = new(2026, 12, 5, 12, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _clientClock = new(Start);
    private readonly FakeTimeProvider _simulatorClock = new(Start);

    protected override TimeProvider SimulatorTime => _simulatorClock;

    [Fact]
    public async Task A_simulator_far_ahead_is_measured_before_the_first_signed_call()
    {
        _simulatorClock.Advance(TimeSpan.FromMinutes(10));
        using var client = Client(Credentials(SigningKind.Hmac), o => o.Time = _clientClock);
        var outcome = await client.Wallet.UniversalTransferAsync(new UniversalTransferRequest(UniversalTransferType.MainFunding, "USDT", 1m));
        Assert.IsType<Done<UniversalTransferResult>>(outcome);
        Assert.InRange(client.Clock.Offset, TimeSpan.FromMinutes(9.9), TimeSpan.FromMinutes(10.1));
    }

    [Fact]
    public async Task A_clock_jump_after_measuring_gets_minus_1021_then_one_resend_that_moves_money_once()
    {
        using var client = Client(Credentials(SigningKind.Hmac), o => o.Time = _clientClock);
        Assert.True((await client.Clock.MeasureAsync()).IsDone);
        _simulatorClock.Advance(TimeSpan.FromMinutes(2));

        var outcome = await client.Wallet.UniversalTransferAsync(new UniversalTransferRequest(UniversalTransferType.MainFunding, "USDT", 7m));

        Assert.IsType<Done<UniversalTransferResult>>(outcome);
        Assert.Equal(993m, Balance("SPOT"));
        Assert.Equal(7m, Balance("FUNDING"));
        Assert.InRange(client.Clock.Offset, TimeSpan.FromMinutes(1.9), TimeSpan.FromMinutes(2.1));
    }
}
