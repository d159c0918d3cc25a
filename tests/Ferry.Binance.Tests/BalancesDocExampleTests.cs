using System.Text.Json;
using System.Text.Json.Serialization;
using Ferry.Binance.Models;
using Ferry.Binance.Models.Balances;
using Ferry.Binance.Tests.Support;

namespace Ferry.Binance.Tests;

/// <summary>
/// The documented examples of the master's balance endpoints (PY-SDK-BAL tests, copied from the docs) parse exactly,
/// with no field left unmapped; the fields that changed or are spelled two ways are read either way.
/// </summary>
public sealed class BalancesDocExampleTests
{
    private static readonly JsonSerializerOptions Strict = new(BinanceJsonContext.Default.Options)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    private static T Parse<T>(string json) => JsonSerializer.Deserialize<T>(json, Strict) ?? throw new InvalidOperationException("null");

    private static T ParseFile<T>(string file) => Parse<T>(TestClients.Data(file));

    [Fact]
    public void Spot_account_parses_with_every_field()
    {
        var account = ParseFile<SpotAccount>("doc-spot-account.json");

        var btc = Assert.Single(account.Balances);
        Assert.Equal(("BTC", 4723846.89208129m, 0m), (btc.Asset, btc.Free, btc.Locked));
        Assert.Equal((0.0015m, 354937868L, "SPOT"), (account.CommissionRates!.Maker, account.Uid!.Value, account.AccountType));
        Assert.Equal(["SPOT"], account.Permissions);
        Assert.Equal(123456789L, account.UpdateTime.ToUnixTimeMilliseconds());
    }

    [Fact]
    public void Spot_account_from_before_2022_parses_without_the_newer_fields()
    {
        var account = Parse<SpotAccount>("""
            {"makerCommission":15,"takerCommission":15,"buyerCommission":0,"sellerCommission":0,"canTrade":true,
             "canWithdraw":true,"canDeposit":true,"updateTime":1,"accountType":"SPOT",
             "balances":[{"asset":"USDT","free":"0.10000000","locked":"0.00000000"}],"permissions":["SPOT"]}
            """);

        Assert.Equal(0.1m, account.Balances[0].Free);
        Assert.Null(account.Uid);
    }

    [Fact]
    public void User_assets_and_funding_assets_parse()
    {
        var user = Assert.Single(ParseFile<IReadOnlyList<UserAsset>>("doc-user-asset.json"));
        Assert.Equal(("AVAX", 1m, 0m, 0m), (user.Asset, user.Free, user.Ipoable!.Value, user.BtcValuation!.Value));
        var funding = Assert.Single(ParseFile<IReadOnlyList<FundingAsset>>("doc-funding-asset.json"));
        Assert.Equal(("USDT", 1m, 0.00000091m), (funding.Asset, funding.Free, funding.BtcValuation!.Value));
    }

    [Fact]
    public void Wallet_overview_parses_with_and_without_balance_detail()
    {
        var detailed = Assert.Single(ParseFile<IReadOnlyList<WalletOverviewRow>>("doc-wallet-balance.json"));
        Assert.Equal(("Spot", true, 0m), (detailed.WalletName, detailed.Activate, detailed.Balance));
        Assert.Equal(("USDT", "TetherUS", 6.238383m), (detailed.AssetBalances![0].Asset, detailed.AssetBalances[0].AssetName, detailed.AssetBalances[0].Free));

        var plain = Parse<IReadOnlyList<WalletOverviewRow>>("""
            [{"activate":true,"balance":"0.00000001","walletName":"USDⓈ-M Futures"},{"activate":false,"balance":"0","walletName":"Options"}]
            """);
        Assert.Equal(["USDⓈ-M Futures", "Options"], plain.Select(w => w.WalletName));
        Assert.Equal(0.00000001m, plain[0].Balance);
        Assert.Null(plain[0].AssetBalances);
    }

    [Fact]
    public void Cross_margin_account_parses_and_reads_the_collateral_in_either_spelling()
    {
        var account = ParseFile<CrossMarginAccount>("doc-margin-account.json");
        Assert.Equal((11.64405625m, 5.82728457m, "MARGIN_1"), (account.MarginLevel, account.TotalCollateralValueInUsdt!.Value, account.AccountType));
        Assert.Equal(0.004995m, Assert.Single(account.UserAssets).NetAsset);

        var camel = Parse<CrossMarginAccount>("""
            {"borrowEnabled":true,"marginLevel":"999","totalAssetOfBtc":"0","totalLiabilityOfBtc":"0","totalNetAssetOfBtc":"0",
             "totalCollateralValueInUSDT":"12.5","tradeEnabled":true,"transferEnabled":true,"userAssets":[]}
            """);
        Assert.Equal(12.5m, camel.TotalCollateralValueInUsdt);
        Assert.Equal((true, (bool?)null), (camel.TransferEnabled!.Value, camel.Created));
    }

    [Fact]
    public void Isolated_margin_account_parses_with_and_without_the_totals()
    {
        var account = ParseFile<IsolatedMarginAccount>("doc-margin-isolated-account.json");
        var pair = Assert.Single(account.Assets);
        Assert.Equal(("BTCUSDT", "BTC", "USDT", 10000m), (pair.Symbol, pair.BaseAsset.Asset, pair.QuoteAsset.Asset, pair.IndexPrice!.Value));
        Assert.Equal(0m, account.TotalNetAssetOfBtc);

        var some = Parse<IsolatedMarginAccount>("""{"assets":[]}""");
        Assert.Empty(some.Assets);
        Assert.Null(some.TotalAssetOfBtc);
    }

    [Fact]
    public void Usdm_futures_balance_and_account_parse()
    {
        var row = Assert.Single(ParseFile<IReadOnlyList<UsdmFuturesBalance>>("doc-fapi-v3-balance.json"));
        Assert.Equal(("USDT", 122607.35137903m, 23.72469206m, true), (row.Asset, row.Balance, row.MaxWithdrawAmount, row.MarginAvailable));
        Assert.Equal(1617939110373L, row.UpdateTime.ToUnixTimeMilliseconds());

        var account = ParseFile<UsdmFuturesAccount>("doc-fapi-v3-account.json");
        Assert.Equal((126.72469206m, 23.72469206m), (account.TotalWalletBalance, Assert.Single(account.Assets).WalletBalance));
        Assert.Equal(("BTCUSDT", 1.000m, 0L), (account.Positions[0].Symbol, account.Positions[0].PositionAmt, account.Positions[0].UpdateTime.ToUnixTimeMilliseconds()));
    }

    [Fact]
    public void Coin_futures_balance_and_account_parse()
    {
        var row = Assert.Single(ParseFile<IReadOnlyList<CoinFuturesBalance>>("doc-dapi-balance.json"));
        Assert.Equal(("BTC", 0.0025m, 0.0025m, 0.00241969m), (row.Asset, row.Balance, row.WithdrawAvailable, row.AvailableBalance));

        var account = ParseFile<CoinFuturesAccount>("doc-dapi-account.json");
        Assert.Equal((0.00241969m, 2), (Assert.Single(account.Assets).MaxWithdrawAmount, account.FeeTier));
        Assert.Equal(("BTCUSD_201225", 125m, false), (account.Positions[0].Symbol, account.Positions[0].Leverage, account.Positions[0].Isolated));
    }

    [Fact]
    public void An_amount_in_exponent_form_is_refused()
    {
        Assert.ThrowsAny<JsonException>(() => Parse<IReadOnlyList<CoinFuturesBalance>>("""
            [{"accountAlias":"SgsR","asset":"BTC","balance":"1E-8","withdrawAvailable":"0","crossWalletBalance":"0",
              "crossUnPnl":"0","availableBalance":"0","updateTime":0}]
            """));
    }
}
