using System.Text.Json;
using Ferry.Simulator.Scenario;

namespace Ferry.Simulator.Tests.Support;

/// <summary>The scenario most tests run on: a master with 100 USDT in every wallet kind, alice and bob, and keys of every kind.</summary>
public static class TestScenario
{
    public const string Master = "master@example.com";
    public const string Alice = "alice@example.com";
    public const string Bob = "bob@example.com";

    public static readonly string[] AllPermissions =
    [
        "enableReading", "enableSpotAndMarginTrading", "enableInternalTransfer", "permitsUniversalTransfer",
        "enableFutures", "enableMargin", "enableVanillaOptions", "enableWithdrawals",
    ];

    public static readonly TestSigner HmacAll = TestSigner.Hmac("hmac-all-key", "hmac-all-secret");
    public static readonly TestSigner HmacAllUpper = TestSigner.Hmac("hmac-all-key", "hmac-all-secret", upperHex: true);
    public static readonly TestSigner ReadOnly = TestSigner.Hmac("read-only-key", "read-only-secret");
    public static readonly TestSigner TransferOnly = TestSigner.Hmac("transfer-only-key", "transfer-only-secret");
    public static readonly TestSigner AliceKey = TestSigner.Hmac("alice-key", "alice-secret");
    public static readonly TestSigner BobKey = TestSigner.Hmac("bob-key", "bob-secret");
    public static readonly Ed25519TestSigner Ed = new("ed-key");
    public static readonly RsaSigner Rsa = new("rsa-key", RsaSigner.SharedKey);

    public static readonly (string Wallet, string? Symbol)[] MasterWallets =
    [
        ("SPOT", null), ("MARGIN", null), ("ISOLATED_MARGIN", "BTCUSDT"), ("ISOLATED_MARGIN", "ETHUSDT"),
        ("USDT_FUTURE", null), ("COIN_FUTURE", null), ("FUNDING", null), ("OPTION", null), ("PORTFOLIO_MARGIN", null),
    ];

    private static readonly Lazy<string> LazyJson = new(BuildJson);

    public static string Json => LazyJson.Value;

    public static ScenarioDocument Document() => ScenarioDocument.Parse(Json);

    /// <summary>What the scenario seeds, per asset.</summary>
    public static IReadOnlyDictionary<string, decimal> SeededTotals(ScenarioDocument doc) =>
        doc.Binance!.Balances.GroupBy(b => b.Asset).ToDictionary(g => g.Key, g => g.Sum(b => b.Amount));

    private static string BuildJson()
    {
        object Key(string owner, string apiKey, string secret, params string[] perms) =>
            new { owner, apiKey, secret, permissions = perms };
        var balances = MasterWallets
            .Select(w => (object)new { owner = Master, wallet = w.Wallet, symbol = w.Symbol, asset = "USDT", amount = "100" })
            .Append(new { owner = Master, wallet = "SPOT", symbol = (string?)null, asset = "BTC", amount = "0.5" })
            .Append(new { owner = Alice, wallet = "SPOT", symbol = (string?)null, asset = "USDT", amount = "500" })
            .Append(new { owner = Bob, wallet = "SPOT", symbol = (string?)null, asset = "USDT", amount = "10" })
            .ToList();
        var doc = new
        {
            binance = new
            {
                master = Master,
                subAccounts = new object[]
                {
                    new { email = Alice, futures = true, margin = true },
                    new { email = Bob },
                },
                apiKeys = new object[]
                {
                    Key(Master, "hmac-all-key", "hmac-all-secret", AllPermissions),
                    Key(Master, "read-only-key", "read-only-secret", "enableReading"),
                    Key(Master, "transfer-only-key", "transfer-only-secret", "permitsUniversalTransfer"),
                    Key(Alice, "alice-key", "alice-secret", AllPermissions),
                    Key(Bob, "bob-key", "bob-secret", AllPermissions),
                    new { owner = Master, apiKey = "ed-key", ed25519PublicKey = Ed.PublicPem, permissions = new[] { "enableReading", "permitsUniversalTransfer" } },
                    new { owner = Master, apiKey = "rsa-key", rsaPublicKey = Rsa.PublicPem, permissions = new[] { "enableReading", "permitsUniversalTransfer" } },
                },
                balances,
            },
        };
        return JsonSerializer.Serialize(doc);
    }
}
