using System.Globalization;
using Ferry.Binance;
using Ferry.Binance.Balances;
using Ferry.Core.Credentials;
using Ferry.Core.Outcomes;
using Xunit.Abstractions;

namespace Ferry.Interop.Tests;

/// <summary>ccxt's fetchBalance for each Binance account type and @binance/connector's balance reads, against the
/// simulator's own-wallet endpoints: every amount they report equals the simulator's ledger, and what Ferry's own client
/// reads from the same endpoints, to the last decimal.</summary>
public sealed class BalanceInteropTests(ITestOutputHelper output)
{
    // Odd amounts on purpose: 8 decimals, a single satoshi, a long integer part.
    private static readonly SeedBalance[] Seeded =
    [
        new("SPOT", "BTC", "0.12345678"),
        new("FUNDING", "USDT", "12.3456789"),
        new("MARGIN", "BTC", "0.00000001"),
        new("ISOLATED_MARGIN", "BTC", "0.5", "BTCUSDT"),
        new("USDT_FUTURE", "USDT", "250.75"),
        new("COIN_FUTURE", "BTC", "0.03125"),
    ];

    [NodeFact]
    public async Task Ccxt_fetchBalance_reads_every_wallet_type_to_the_last_decimal()
    {
        await using var sim = await SimSession.StartAsync(moreBalances: Seeded);
        var steps = await RunAsync(sim, "ccxt");

        Assert.Equal(["spot", "funding", "margin", "isolated", "future", "delivery"], steps.Select(s => s.Type));
        AssertWallet(sim, steps, "spot", "SPOT");
        AssertWallet(sim, steps, "funding", "FUNDING");
        AssertWallet(sim, steps, "margin", "MARGIN");
        AssertWallet(sim, steps, "isolated", "ISOLATED_MARGIN", mergedPerCoin: true);
        AssertWallet(sim, steps, "future", "USDT_FUTURE");
        AssertWallet(sim, steps, "delivery", "COIN_FUTURE");

        // Ferry's own client, reading what each ccxt call read (ccxt's total: free + locked, funding adds freeze and
        // withdrawing; isolated merged per coin; futures: marginBalance).
        using var ferry = FerryClient(sim);
        var own = ferry.Balances;
        AssertSame(steps, "spot", Done(await own.SpotAccountAsync(new SpotAccountQuery { OmitZeroBalances = true })).Balances.Select(b => (b.Asset, b.Free + b.Locked)));
        AssertSame(steps, "funding", Done(await own.FundingAssetsAsync()).Select(b => (b.Asset, b.Free + b.Locked + b.Freeze + b.Withdrawing)));
        AssertSame(steps, "margin", Done(await own.CrossMarginAccountAsync()).UserAssets.Select(b => (b.Asset, b.Free + b.Locked)));
        AssertSame(steps, "isolated", Done(await own.IsolatedMarginAccountAsync()).Assets
            .SelectMany(p => new[] { p.BaseAsset, p.QuoteAsset }).Select(a => (a.Asset, a.TotalAsset)));
        AssertSame(steps, "future", Done(await own.UsdmFuturesAccountAsync()).Assets.Select(a => (a.Asset, a.MarginBalance)));
        AssertSame(steps, "delivery", Done(await own.CoinFuturesAccountAsync()).Assets.Select(a => (a.Asset, a.MarginBalance)));
        sim.AssertConservedAndClean();
    }

    private static BinanceClient FerryClient(SimSession sim) => new(
        new ApiCredentials(TestKeys.Instance.HmacApiKey, new SecretText(TestKeys.Instance.HmacSecret), SigningKind.Hmac),
        new BinanceClientOptions { BaseAddress = sim.Host.BaseAddress });

    private static T Done<T>(Outcome<T> outcome) =>
        outcome is Done<T> done ? done.Value : throw new Xunit.Sdk.XunitException($"Ferry's client read ended {outcome.Kind}: {outcome.Describe()}");

    /// <summary>ccxt's totals for one read equal Ferry's client's non-zero amounts per asset.</summary>
    private static void AssertSame(IReadOnlyList<ClientStep> steps, string read, IEnumerable<(string Asset, decimal Amount)> ferry)
    {
        var expected = ferry.Where(f => f.Amount != 0m).GroupBy(f => f.Asset).ToDictionary(g => g.Key, g => g.Sum(f => f.Amount));
        var reported = steps.Single(s => s.Type == read).Balances
            .ToDictionary(b => b.Key, b => decimal.Parse(b.Value, NumberStyles.Float, CultureInfo.InvariantCulture));
        Assert.Equal(expected.OrderBy(e => e.Key), reported.OrderBy(e => e.Key));
    }

    [NodeFact]
    public async Task Binance_connector_reads_spot_funding_and_margin_to_the_last_decimal()
    {
        await using var sim = await SimSession.StartAsync(moreBalances: Seeded);
        var steps = await RunAsync(sim, "connector");

        Assert.Equal(["spot", "userAsset", "funding", "margin", "isolated"], steps.Select(s => s.Type));
        AssertWallet(sim, steps, "spot", "SPOT");
        AssertWallet(sim, steps, "userAsset", "SPOT");
        AssertWallet(sim, steps, "funding", "FUNDING");
        AssertWallet(sim, steps, "margin", "MARGIN");
        AssertWallet(sim, steps, "isolated", "ISOLATED_MARGIN");
        sim.AssertConservedAndClean();
    }

    private async Task<IReadOnlyList<ClientStep>> RunAsync(SimSession sim, string client)
    {
        var steps = await NodeDriver.RunAsync(sim.Host.BaseAddress, "balances", client, "hmac");
        foreach (var step in steps) output.WriteLine(step.Describe() + " " + string.Join(", ", step.Balances.Select(b => $"{b.Key}={b.Value}")));
        foreach (var step in steps) Assert.True(step.Ok, step.Describe());
        return steps;
    }

    /// <summary>The client's totals for one read equal the master's non-zero cells of that wallet (isolated: per symbol,
    /// or per coin over every pair where the client merges them).</summary>
    private static void AssertWallet(SimSession sim, IReadOnlyList<ClientStep> steps, string read, string wallet, bool mergedPerCoin = false)
    {
        var expected = sim.Host.Balances(SimSession.Master)
            .Where(r => r.Wallet == wallet && r.Amount != 0m)
            .GroupBy(r => r.Symbol is null || mergedPerCoin ? r.Asset : $"{r.Symbol}:{r.Asset}")
            .ToDictionary(g => g.Key, g => g.Sum(r => r.Amount));
        var step = steps.Single(s => s.Type == read);
        var reported = step.Balances.ToDictionary(b => b.Key, b => decimal.Parse(b.Value, NumberStyles.Float, CultureInfo.InvariantCulture));
        Assert.True(expected.Count > 0, $"the scenario seeds {wallet}");
        Assert.Equal(expected.OrderBy(e => e.Key), reported.OrderBy(e => e.Key));
    }
}
