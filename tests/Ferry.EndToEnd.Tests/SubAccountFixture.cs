using Ferry.Binance;
using Ferry.Core.Credentials;
using Ferry.Core.Outcomes;
using Ferry.Simulator;
using Ferry.Simulator.Scenario;

namespace Ferry.EndToEnd.Tests;

/// <summary>
/// A simulator with a master and three sub-accounts (alice: futures and margin; bob: nothing; carol: frozen), prices,
/// positions and deposits; keys for the master (all permissions, and read-only) and for alice and bob. Each test gets a
/// fresh one and checks on dispose that the ledger still balances.
/// </summary>
public abstract class SubAccountFixture : IAsyncLifetime
{
    protected const string Master = "master@example.com";
    protected const string Alice = "alice@example.com";
    protected const string Bob = "bob@example.com";
    protected const string Carol = "carol@example.com";

    /// <summary>Insert time of the scenario's deposits.</summary>
    protected static readonly long DepositTime = DateTimeOffset.UtcNow.AddDays(-3).ToUnixTimeMilliseconds();

    private IReadOnlyDictionary<string, decimal> _seeded = new Dictionary<string, decimal>();

    protected SimulatorHost Host { get; private set; } = null!;

    protected virtual string ScenarioJson => $$$"""
        {"binance": {
          "master": "{{{Master}}}",
          "subAccounts": [
            {"email": "{{{Alice}}}", "futures": true, "margin": true, "remark": "desk A"},
            {"email": "{{{Bob}}}"},
            {"email": "{{{Carol}}}", "frozen": true}],
          "apiKeys": [
            {"owner": "{{{Master}}}", "apiKey": "master-key", "secret": "master-secret",
             "permissions": ["enableReading", "enableSpotAndMarginTrading", "permitsUniversalTransfer", "enableInternalTransfer", "enableFutures"]},
            {"owner": "{{{Master}}}", "apiKey": "master-read-key", "secret": "master-read-secret", "permissions": ["enableReading"]},
            {"owner": "{{{Alice}}}", "apiKey": "alice-key", "secret": "alice-secret", "permissions": ["enableReading", "permitsUniversalTransfer"]},
            {"owner": "{{{Bob}}}", "apiKey": "bob-key", "secret": "bob-secret", "permissions": ["enableReading", "permitsUniversalTransfer"]}],
          "balances": [
            {"owner": "{{{Master}}}", "wallet": "SPOT", "asset": "USDT", "amount": "1000"},
            {"owner": "{{{Master}}}", "wallet": "SPOT", "asset": "BTC", "amount": "0.5"},
            {"owner": "{{{Alice}}}", "wallet": "SPOT", "asset": "USDT", "amount": "6000"},
            {"owner": "{{{Alice}}}", "wallet": "SPOT", "asset": "BTC", "amount": "0.1"},
            {"owner": "{{{Alice}}}", "wallet": "MARGIN", "asset": "USDT", "amount": "3000"},
            {"owner": "{{{Alice}}}", "wallet": "USDT_FUTURE", "asset": "USDT", "amount": "2000"},
            {"owner": "{{{Alice}}}", "wallet": "COIN_FUTURE", "asset": "BTC", "amount": "0.2"},
            {"owner": "{{{Bob}}}", "wallet": "SPOT", "asset": "USDT", "amount": "100"}],
          "prices": [{"symbol": "BTCUSDT", "price": "60000"}, {"symbol": "ETHUSDT", "price": "3000"}],
          "positions": [
            {"owner": "{{{Alice}}}", "symbol": "BTCUSDT", "side": "LONG", "quantity": "0.1", "entryPrice": "58000", "markPrice": "60000", "leverage": 10},
            {"owner": "{{{Alice}}}", "symbol": "ETHUSDT", "side": "SHORT", "quantity": "2", "entryPrice": "3100", "markPrice": "3000", "leverage": 5},
            {"owner": "{{{Alice}}}", "futuresType": "CM", "symbol": "BTCUSD_PERP", "side": "LONG", "positionSide": "LONG", "quantity": "3", "entryPrice": "59000", "markPrice": "60000", "leverage": 20}],
          "deposits": [
            {"owner": "{{{Alice}}}", "coin": "USDT", "network": "ETH", "amount": "6000", "status": 1, "txId": "0xaaa", "insertTime": {{{DepositTime}}}},
            {"owner": "{{{Alice}}}", "coin": "BTC", "network": "BTC", "amount": "0.1", "status": 0, "txId": "btc-tx-1", "insertTime": {{{DepositTime + 1000}}}},
            {"owner": "{{{Bob}}}", "coin": "USDT", "network": "TRX", "amount": "100", "txId": "trx-1", "insertTime": {{{DepositTime}}}}]}}
        """;

    public async Task InitializeAsync()
    {
        Host = await SimulatorHost.StartAsync(new SimulatorOptions { Scenario = ScenarioDocument.Parse(ScenarioJson) });
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

    protected BinanceClient Client(string apiKey = "master-key", string secret = "master-secret") =>
        new(new ApiCredentials(apiKey, new SecretText(secret), SigningKind.Hmac), new BinanceClientOptions { BaseAddress = Host.BaseAddress });

    protected BinanceClient AliceClient() => Client("alice-key", "alice-secret");

    protected static T Ok<T>(Outcome<T> outcome) =>
        outcome is Done<T> done ? done.Value : throw new Xunit.Sdk.XunitException($"Expected Done, got {outcome.Kind}: {outcome.Describe()}");

    protected static ExchangeError Refused<T>(Outcome<T> outcome) =>
        outcome is Rejected<T> rejected ? rejected.Error : throw new Xunit.Sdk.XunitException($"Expected Rejected, got {outcome.Kind}: {outcome.Describe()}");
}
