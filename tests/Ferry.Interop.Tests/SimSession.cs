using System.Text.Json.Nodes;
using Ferry.Simulator;
using Microsoft.Extensions.Time.Testing;
using Ferry.Simulator.Scenario;

namespace Ferry.Interop.Tests;

/// <summary>A simulator started on a free port with the interop scenario, and the checks every test ends with.</summary>
internal sealed class SimSession : IAsyncDisposable
{
    public const string Master = "master@example.com";

    private SimSession(SimulatorHost host, IReadOnlyDictionary<string, decimal> totals)
    {
        Host = host;
        InitialTotals = totals;
    }

    public SimulatorHost Host { get; }

    public IReadOnlyDictionary<string, decimal> InitialTotals { get; }

    /// <summary>Starts the simulator; <paramref name="serverClockOffset"/> shifts its clock against this machine's,
    /// which is how a test makes a real client's (unpatched) timestamps stale or early. A shifted clock stands still at
    /// that offset from the start: the offsets used (10 s ahead, 30 s and 2 min behind) are far enough from Binance's
    /// limits (1 s ahead, recvWindow behind) that the seconds a node client takes to run do not change the outcome.</summary>
    public static async Task<SimSession> StartAsync(TimeSpan serverClockOffset = default, IReadOnlyList<SeedBalance>? moreBalances = null)
    {
        var options = new SimulatorOptions
        {
            Scenario = ScenarioDocument.Parse(ScenarioJson(TestKeys.Instance, moreBalances)),
            Port = 0,
            Time = serverClockOffset == TimeSpan.Zero ? TimeProvider.System : new FakeTimeProvider(DateTimeOffset.UtcNow + serverClockOffset),
        };
        var host = await SimulatorHost.StartAsync(options);
        return new SimSession(host, host.Totals().ToDictionary());
    }

    /// <summary>The interop scenario: a master with spot, cross-margin and isolated-margin USDT, three fully
    /// permitted keys (HMAC, RSA, Ed25519) and one HMAC key that may read but not make universal transfers.</summary>
    public static string ScenarioJson(TestKeys keys, IReadOnlyList<SeedBalance>? moreBalances = null)
    {
        string[] all = ["enableReading", "permitsUniversalTransfer", "enableInternalTransfer", "enableSpotAndMarginTrading",
                        "enableMargin", "enableFutures"];
        JsonObject Key(string apiKey, string field, string value, string[] permissions) => new()
        {
            ["owner"] = Master, ["apiKey"] = apiKey, [field] = value,
            ["permissions"] = new JsonArray(permissions.Select(p => (JsonNode)p!).ToArray()),
        };
        JsonObject Balance(string wallet, string asset, string amount, string? symbol = null)
        {
            var b = new JsonObject { ["owner"] = Master, ["wallet"] = wallet, ["asset"] = asset, ["amount"] = amount };
            if (symbol is not null) b["symbol"] = symbol;
            return b;
        }
        var doc = new JsonObject
        {
            ["binance"] = new JsonObject
            {
                ["master"] = Master,
                ["subAccounts"] = new JsonArray(new JsonObject { ["email"] = "alice@example.com", ["futures"] = true, ["margin"] = true }),
                ["apiKeys"] = new JsonArray(
                    Key(keys.HmacApiKey, "secret", keys.HmacSecret, all),
                    Key(keys.RsaApiKey, "rsaPublicKey", keys.RsaPublicPem, all),
                    Key(keys.Ed25519ApiKey, "ed25519PublicKey", keys.Ed25519PublicPem, all),
                    Key(keys.NoPermApiKey, "secret", keys.NoPermSecret, ["enableReading", "enableSpotAndMarginTrading"])),
                ["balances"] = new JsonArray(
                    [
                        Balance("SPOT", "USDT", "10000"),
                        Balance("MARGIN", "USDT", "100"),
                        Balance("ISOLATED_MARGIN", "USDT", "50", "BTCUSDT"),
                        .. (moreBalances ?? []).Select(b => Balance(b.Wallet, b.Asset, b.Amount, b.Symbol)),
                    ]),
            },
        };
        return doc.ToJsonString();
    }

    /// <summary>The master's balance of one wallet cell (0 when the row is absent).</summary>
    public decimal Balance(string wallet, string asset, string? symbol = null) =>
        Host.Balances(Master).Where(r => r.Wallet == wallet && r.Asset == asset && r.Symbol == symbol).Sum(r => r.Amount);

    /// <summary>Every balance row, for comparing before and after a step that must not move money.</summary>
    public IReadOnlyList<string> Snapshot() =>
        Host.Balances().Select(r => $"{r.Owner}/{r.Wallet}:{r.Symbol}/{r.Asset}={r.Amount}").Order(StringComparer.Ordinal).ToList();

    /// <summary>What every test ends with: money is neither created nor destroyed, and the auditor found nothing.</summary>
    public void AssertConservedAndClean()
    {
        Assert.Equal(InitialTotals.OrderBy(t => t.Key), Host.Totals().OrderBy(t => t.Key));
        var audit = Host.Audit();
        Assert.True(audit.Count == 0, "The simulator's auditor reported:\n" + string.Join("\n", audit));
    }

    public async ValueTask DisposeAsync() => await Host.DisposeAsync();
}

/// <summary>One more balance cell of the master for a test's scenario.</summary>
public sealed record SeedBalance(string Wallet, string Asset, string Amount, string? Symbol = null);
