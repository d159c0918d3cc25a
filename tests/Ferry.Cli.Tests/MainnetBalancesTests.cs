using System.Globalization;
using System.Text.Json;
using Ferry.Simulator;
using Ferry.Simulator.Scenario;

namespace Ferry.Cli.Tests;

/// <summary>
/// <c>ferry balances</c> on a mainnet-configured account (pointed at a loopback simulator through the test-only
/// redirect): every wallet of the master read through Binance's own endpoints, with --subaccounts every sub-account's
/// wallets, totals per asset, and no CONFIRM (a read moves nothing). The rows must equal the simulator's ledger exactly.
/// </summary>
public sealed class MainnetBalancesTests : IAsyncLifetime, IDisposable
{
    private const string Master = "master@example.com";
    private static readonly string[] ReadableWallets = ["SPOT", "FUNDING", "MARGIN", "ISOLATED_MARGIN", "USDT_FUTURE", "COIN_FUTURE"];
    private readonly CliRun _cli = new();
    private SimulatorHost? _host;

    public async Task InitializeAsync()
    {
        _host = await SimulatorHost.StartAsync(new SimulatorOptions { Scenario = ScenarioDocument.Demo() });
        _cli.WriteAccounts($$"""{"accounts":[{"name":"main","environment":"mainnet","email":"{{Master}}","apiKey":"{{ScenarioDocument.DemoApiKey}}","secret":"{{ScenarioDocument.DemoSecret}}"}]}""");
        _cli.MainnetRedirect = _host.BaseAddress;
    }

    public async Task DisposeAsync()
    {
        if (_host is not null) await _host.DisposeAsync();
    }

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task The_masters_own_wallets_are_read_through_the_endpoints_to_the_last_decimal()
    {
        var result = await _cli.RunAsync("balances", "--json");

        Assert.Equal(0, result.ExitCode);
        var doc = JsonDocument.Parse(result.Out).RootElement;
        Assert.Equal(Sorted(Expected(Master)), Sorted(Rows(doc)));
        Assert.Equal(0, doc.GetProperty("unread").GetArrayLength());
        var totals = doc.GetProperty("totals").EnumerateArray().ToDictionary(t => t.GetProperty("asset").GetString()!, t => Amount(t.GetProperty("amount")));
        Assert.Equal(Expected(Master).GroupBy(r => r.Asset).ToDictionary(g => g.Key, g => g.Sum(r => r.Amount)).OrderBy(t => t.Key), totals.OrderBy(t => t.Key));
        Assert.DoesNotContain(ScenarioDocument.DemoSecret, result.All);
    }

    [Fact]
    public async Task With_subaccounts_every_sub_accounts_spot_margin_and_futures_wallets_are_added()
    {
        var result = await _cli.RunAsync("balances", "--subaccounts", "--json");

        Assert.Equal(0, result.ExitCode);
        var doc = JsonDocument.Parse(result.Out).RootElement;
        var owners = _host!.Balances().Select(r => r.Owner).Where(o => o != Master).Distinct().ToList();
        Assert.NotEmpty(owners);
        // Through the master's sub-account endpoints: spot, cross margin, USDⓈ-M and COIN-M (no funding or isolated).
        var expected = Expected(Master).Concat(owners.SelectMany(o => Expected(o, ["SPOT", "MARGIN", "USDT_FUTURE", "COIN_FUTURE"])));
        Assert.Equal(Sorted(expected), Sorted(Rows(doc)));
        // A sub-account without margin or futures is named as not read (the exchange says so), and that is not a failure.
        Assert.All(doc.GetProperty("unread").EnumerateArray(), u => Assert.Equal("rejected", u.GetProperty("outcome").GetString()));
    }

    [Fact]
    public async Task The_text_view_shows_each_wallet_and_the_totals_without_asking_for_CONFIRM()
    {
        var result = await _cli.RunAsync("balances");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("MAINNET account 'main'", result.Out);
        Assert.Contains("USDT_FUTURE", result.Out);
        Assert.Contains("Total", result.Out);
        Assert.DoesNotContain("CONFIRM", result.All);
    }

    private sealed record Row(string Owner, string Wallet, string? Symbol, string Asset, decimal Amount);

    private List<Row> Expected(string owner, string[]? wallets = null) =>
        [.. _host!.Balances(owner).Where(r => (wallets ?? ReadableWallets).Contains(r.Wallet) && r.Amount != 0m)
            .Select(r => new Row(r.Owner, r.Wallet, r.Symbol, r.Asset, r.Amount))];

    private static List<Row> Rows(JsonElement doc) =>
        [.. doc.GetProperty("balances").EnumerateArray().Select(b => new Row(b.GetProperty("owner").GetString()!, b.GetProperty("wallet").GetString()!,
            b.GetProperty("symbol").ValueKind == JsonValueKind.Null ? null : b.GetProperty("symbol").GetString(), b.GetProperty("asset").GetString()!, Amount(b.GetProperty("amount"))))];

    private static List<Row> Sorted(IEnumerable<Row> rows) => [.. rows.OrderBy(r => r.ToString(), StringComparer.Ordinal)];

    private static decimal Amount(JsonElement e) => decimal.Parse(e.GetString()!, NumberStyles.Number, CultureInfo.InvariantCulture);
}
