using Ferry.Binance;
using Ferry.Core.Credentials;
using Ferry.Core.Outcomes;
using Ferry.Simulator;
using Microsoft.Extensions.Time.Testing;
using Ferry.Simulator.Scenario;

namespace Ferry.EndToEnd.Tests;

/// <summary>
/// The three managed sub-account roles: the master is the investor; fund (futures and margin) is bound to
/// trading team team@, fund2 to other-team@; alice is an ordinary sub-account. Keys for the investor, both trading-team
/// masters, fund (the trading-team sub-account role) and alice. Simulator and clients share one clock the test can move;
/// on dispose the ledger must still balance.
/// </summary>
public abstract class ManagedSubAccountFixture : IAsyncLifetime
{
    protected const string Master = "master@example.com";
    protected const string Fund = "fund@example.com";
    protected const string Fund2 = "fund2@example.com";
    protected const string Team = "team@example.com";
    protected const string OtherTeam = "other-team@example.com";
    protected const string Alice = "alice@example.com";

    private IReadOnlyDictionary<string, decimal> _seeded = new Dictionary<string, decimal>();

    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 12, 5, 12, 0, 0, TimeSpan.Zero));

    protected SimulatorHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var scenario = ScenarioDocument.Parse($$$"""
            {"binance": {
              "master": "{{{Master}}}",
              "subAccounts": [{"email": "{{{Alice}}}"}],
              "managedSubAccounts": [
                {"email": "{{{Fund}}}", "tradingTeam": "{{{Team}}}", "futures": true, "margin": true, "signedLvtRiskAgreement": true},
                {"email": "{{{Fund2}}}", "tradingTeam": "{{{OtherTeam}}}"}],
              "apiKeys": [
                {"owner": "{{{Master}}}", "apiKey": "master-key", "secret": "master-secret", "permissions": ["enableReading", "enableInternalTransfer"]},
                {"owner": "{{{Master}}}", "apiKey": "master-read-key", "secret": "master-read-secret", "permissions": ["enableReading"]},
                {"owner": "{{{Team}}}", "apiKey": "team-key", "secret": "team-secret", "permissions": ["enableReading", "enableInternalTransfer"]},
                {"owner": "{{{OtherTeam}}}", "apiKey": "other-team-key", "secret": "other-team-secret", "permissions": ["enableReading"]},
                {"owner": "{{{Fund}}}", "apiKey": "fund-key", "secret": "fund-secret", "permissions": ["enableReading", "enableInternalTransfer"]},
                {"owner": "{{{Alice}}}", "apiKey": "alice-key", "secret": "alice-secret", "permissions": ["enableReading", "enableInternalTransfer"]}],
              "balances": [
                {"owner": "{{{Master}}}", "wallet": "SPOT", "asset": "USDT", "amount": "1000"},
                {"owner": "{{{Fund}}}", "wallet": "SPOT", "asset": "USDT", "amount": "100"},
                {"owner": "{{{Fund}}}", "wallet": "SPOT", "asset": "BTC", "amount": "0.01"},
                {"owner": "{{{Fund}}}", "wallet": "MARGIN", "asset": "USDT", "amount": "50"},
                {"owner": "{{{Fund}}}", "wallet": "ISOLATED_MARGIN", "symbol": "BTCUSDT", "asset": "USDT", "amount": "20"},
                {"owner": "{{{Fund}}}", "wallet": "USDT_FUTURE", "asset": "USDT", "amount": "200"}],
              "prices": [{"symbol": "BTCUSDT", "price": "60000"}],
              "positions": [
                {"owner": "{{{Fund}}}", "symbol": "BTCUSDT", "side": "LONG", "quantity": "0.01", "entryPrice": "58000", "markPrice": "60000", "leverage": 10}]}}
            """);
        Host = await SimulatorHost.StartAsync(new SimulatorOptions { Scenario = scenario, Time = Clock });
        _seeded = Host.Totals();
    }

    public async Task DisposeAsync()
    {
        try
        {
            Assert.Empty(Host.Audit());
            Assert.Equal(_seeded, Host.Totals());
        }
        finally
        {
            await Host.DisposeAsync();
        }
    }

    protected BinanceClient Client(string who = "master") =>
        new(new ApiCredentials($"{who}-key", new SecretText($"{who}-secret"), SigningKind.Hmac),
            new BinanceClientOptions { BaseAddress = Host.BaseAddress, Time = Clock });

    protected decimal Spot(string owner, string asset = "USDT") =>
        Host.Balances(owner).Where(b => b.Wallet == "SPOT" && b.Asset == asset).Sum(b => b.Amount);

    /// <summary>Moves the shared clock forward to <paramref name="target"/>.</summary>
    protected void MoveClockTo(DateTimeOffset target) => Clock.SetUtcNow(target);

    protected static T Ok<T>(Outcome<T> outcome) =>
        outcome is Done<T> done ? done.Value : throw new Xunit.Sdk.XunitException($"Expected Done, got {outcome.Kind}: {outcome.Describe()}");

    protected static ExchangeError Refused<T>(Outcome<T> outcome) =>
        outcome is Rejected<T> rejected ? rejected.Error : throw new Xunit.Sdk.XunitException($"Expected Rejected, got {outcome.Kind}: {outcome.Describe()}");
}
