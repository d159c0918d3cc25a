using System.Security.Cryptography;
using Ferry.Binance;
using Ferry.Core.Credentials;
using Ferry.Simulator;
using Ferry.Simulator.Scenario;
using Ferry.Simulator.Binance;

namespace Ferry.EndToEnd.Tests;

/// <summary>
/// A simulator with one master and keys of every signing kind; each test gets a fresh one and
/// checks on dispose that the ledger still balances.
/// </summary>
public abstract class SimulatorFixture : IAsyncLifetime
{
    protected const string Master = "master@example.com";
    private static readonly string TestData = Path.Combine(AppContext.BaseDirectory, "TestData");

    private readonly RSA _rsa = RSA.Create(2048);
    private IReadOnlyDictionary<string, decimal> _seeded = new Dictionary<string, decimal>();

    protected SimulatorHost Host { get; private set; } = null!;

    /// <summary>The simulator's clock; tests that need skew override it.</summary>
    protected virtual TimeProvider SimulatorTime => TimeProvider.System;

    protected virtual SimRateLimits RateLimits => new();

    public async Task InitializeAsync()
    {
        var ed25519Public = await File.ReadAllTextAsync(Path.Combine(TestData, "test-only-ed25519-public.pem"));
        var scenario = ScenarioDocument.Parse($$$"""
            {"binance": {
              "master": "{{{Master}}}",
              "apiKeys": [
                {"owner": "{{{Master}}}", "apiKey": "e2e-hmac-key", "secret": "e2e-hmac-secret", "permissions": ["enableReading", "permitsUniversalTransfer"]},
                {"owner": "{{{Master}}}", "apiKey": "e2e-rsa-key", "rsaPublicKey": {{{Json(_rsa.ExportSubjectPublicKeyInfoPem())}}}, "permissions": ["enableReading", "permitsUniversalTransfer"]},
                {"owner": "{{{Master}}}", "apiKey": "e2e-ed25519-key", "ed25519PublicKey": {{{Json(ed25519Public)}}}, "permissions": ["enableReading", "permitsUniversalTransfer"]},
                {"owner": "{{{Master}}}", "apiKey": "e2e-read-only-key", "secret": "e2e-read-only-secret", "permissions": ["enableReading"]}],
              "balances": [
                {"owner": "{{{Master}}}", "wallet": "SPOT", "asset": "USDT", "amount": "1000"},
                {"owner": "{{{Master}}}", "wallet": "MARGIN", "asset": "USDT", "amount": "100"},
                {"owner": "{{{Master}}}", "wallet": "ISOLATED_MARGIN", "symbol": "BTCUSDT", "asset": "USDT", "amount": "50"}]}}
            """);
        Host = await SimulatorHost.StartAsync(new SimulatorOptions { Scenario = scenario, Time = SimulatorTime, RateLimits = RateLimits });
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
            _rsa.Dispose();
        }
    }

    private static string Json(string text) => System.Text.Json.JsonSerializer.Serialize(text);

    protected ApiCredentials Credentials(SigningKind kind) => kind switch
    {
        SigningKind.Hmac => new("e2e-hmac-key", new SecretText("e2e-hmac-secret"), kind),
        SigningKind.Rsa => new("e2e-rsa-key", new SecretText(_rsa.ExportPkcs8PrivateKeyPem()), kind),
        _ => new("e2e-ed25519-key", new SecretText(File.ReadAllText(Path.Combine(TestData, "test-only-ed25519-private.pem"))), kind),
    };

    protected BinanceClient Client(ApiCredentials credentials, Action<BinanceClientOptions>? configure = null)
    {
        var options = new BinanceClientOptions { BaseAddress = Host.BaseAddress };
        configure?.Invoke(options);
        return new BinanceClient(credentials, options);
    }

    protected BinanceClient Client(SigningKind kind) => Client(Credentials(kind));

    protected decimal Balance(string wallet, string asset = "USDT", string? symbol = null) =>
        Host.Balances(Master).Where(b => b.Wallet == wallet && b.Symbol == symbol && b.Asset == asset).Sum(b => b.Amount);
}
