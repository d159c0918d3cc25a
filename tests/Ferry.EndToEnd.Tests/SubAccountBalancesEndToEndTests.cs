using Ferry.Binance.SubAccount;

namespace Ferry.EndToEnd.Tests;

/// <summary>The balances family: v3/v4 assets, spot summary, margin account and summary, futures account and summary v1/v2.</summary>
public sealed class SubAccountBalancesEndToEndTests : SubAccountFixture
{
    [Fact]
    public async Task Assets_v3_and_v4_list_the_spot_wallet()
    {
        using var client = Client();
        var v3 = Ok(await client.SubAccountAssets.GetAssetsV3Async(new SubAccountEmailRequest(Alice)));
        var v4 = Ok(await client.SubAccountAssets.GetAssetsV4Async(new SubAccountEmailRequest(Alice)));
        Assert.Equal([("BTC", 0.1m), ("USDT", 6000m)], v3.Balances.Select(b => (b.Asset, b.Free)));
        Assert.Equal([("BTC", 0.1m), ("USDT", 6000m)], v4.Balances.Select(b => (b.Asset, b.Free)));
        Assert.All(v4.Balances, b => Assert.Equal((0m, 0m, 0m), (b.Locked, b.Freeze, b.Withdrawing)));
        Assert.Empty(Ok(await client.SubAccountAssets.GetAssetsV4Async(new SubAccountEmailRequest(Carol))).Balances);
    }

    [Fact]
    public async Task A_transfer_shows_in_the_assets_at_once()
    {
        using var client = Client();
        using var alice = AliceClient();
        Ok(await alice.Wallet.UniversalTransferAsync(new Binance.Wallet.UniversalTransferRequest(Binance.Wallet.UniversalTransferType.MainFunding, "USDT", 1000m)));
        Assert.Equal(5000m, Ok(await client.SubAccountAssets.GetAssetsV4Async(new SubAccountEmailRequest(Alice))).Balances.Single(b => b.Asset == "USDT").Free);
    }

    [Fact]
    public async Task Spot_summary_values_wallets_in_btc_from_the_scenario_prices_and_pages()
    {
        using var client = Client();
        var summary = Ok(await client.SubAccountAssets.GetSpotSummaryAsync());
        Assert.Equal(3, summary.TotalCount);
        Assert.Equal(0.51666666m, summary.MasterAccountTotalAsset);
        Assert.Equal([(Alice, 0.2m), (Bob, 0.00166666m), (Carol, 0m)], summary.SpotSubUserAssetBtcVoList.Select(r => (r.Email, r.TotalAsset)));

        var second = Ok(await client.SubAccountAssets.GetSpotSummaryAsync(new SubAccountSpotSummaryQuery { Page = 2, Size = 2 }));
        Assert.Equal(Carol, Assert.Single(second.SpotSubUserAssetBtcVoList).Email);
        var full = Ok(await client.SubAccountAssets.GetFullSpotSummaryAsync());
        Assert.Equal(3, full.SpotSubUserAssetBtcVoList.Count);
        var one = Ok(await client.SubAccountAssets.GetSpotSummaryAsync(new SubAccountSpotSummaryQuery { Email = Bob }));
        Assert.Equal((1, Bob), (one.TotalCount, Assert.Single(one.SpotSubUserAssetBtcVoList).Email));
    }

    [Fact]
    public async Task Margin_account_and_summary_value_the_margin_wallet()
    {
        using var client = Client();
        var account = Ok(await client.SubAccountAssets.GetMarginAccountAsync(new SubAccountEmailRequest(Alice)));
        Assert.Equal((Alice, 0.05m, 0m, 0.05m), (account.Email, account.TotalAssetOfBtc, account.TotalLiabilityOfBtc, account.TotalNetAssetOfBtc));
        var asset = Assert.Single(account.MarginUserAssetVoList);
        Assert.Equal(("USDT", 3000m, 3000m, 0m), (asset.Asset, asset.Free, asset.NetAsset, asset.Borrowed));
        Assert.NotNull(account.MarginTradeCoeffVo);

        var summary = Ok(await client.SubAccountAssets.GetMarginSummaryAsync());
        Assert.Equal(0.05m, summary.TotalNetAssetOfBtc);
        Assert.Equal(Alice, Assert.Single(summary.SubAccountList).Email);

        var bob = Refused(await client.SubAccountAssets.GetMarginAccountAsync(new SubAccountEmailRequest(Bob)));
        Assert.Equal(("-3003", "Margin account does not exist."), (bob.Code, bob.Message));
    }

    [Fact]
    public async Task The_usdm_account_adds_position_profit_and_margins_to_the_wallet()
    {
        using var client = Client();
        var v1 = Ok(await client.SubAccountAssets.GetFuturesAccountAsync(new SubAccountEmailRequest(Alice)));
        Assert.Equal((Alice, "USDT"), (v1.Email, v1.Asset));
        var usdt = Assert.Single(v1.Assets);
        Assert.Equal((2000m, 400m, 2400m, 1800m, 48m, 600m),
            (usdt.WalletBalance, usdt.UnrealizedProfit, usdt.MarginBalance, usdt.PositionInitialMargin, usdt.MaintenanceMargin, usdt.MaxWithdrawAmount));
        Assert.Equal((2000m, 400m, 2400m, 600m), (v1.TotalWalletBalance, v1.TotalUnrealizedProfit, v1.TotalMarginBalance, v1.MaxWithdrawAmount));

        var v2 = Ok(await client.SubAccountAssets.GetFuturesAccountV2Async(new SubAccountFuturesAccountQuery(Alice, FuturesType.UsdtMargined)));
        Assert.Null(v2.DeliveryAccountResp);
        Assert.Null(v2.FutureAccountResp!.Asset);
        Assert.Equal(2400m, v2.FutureAccountResp.TotalMarginBalance);
    }

    [Fact]
    public async Task The_coinm_account_is_the_v2_delivery_envelope()
    {
        using var client = Client();
        var v2 = Ok(await client.SubAccountAssets.GetFuturesAccountV2Async(new SubAccountFuturesAccountQuery(Alice, FuturesType.CoinMargined)));
        Assert.Null(v2.FutureAccountResp);
        var btc = Assert.Single(v2.DeliveryAccountResp!.Assets);
        Assert.Equal(("BTC", 0.2m, 0.05m, 0.15m), (btc.Asset, btc.WalletBalance, btc.UnrealizedProfit, btc.PositionInitialMargin));
        Assert.Null(v2.DeliveryAccountResp.TotalWalletBalance);
    }

    [Fact]
    public async Task Futures_summaries_v1_and_v2_by_type()
    {
        using var client = Client();
        var v1 = Ok(await client.SubAccountAssets.GetFuturesSummaryAsync());
        Assert.Equal(("USD", 2000m, 400m), (v1.Asset, v1.TotalWalletBalance, v1.TotalUnrealizedProfit));
        Assert.Equal(Alice, Assert.Single(v1.SubAccountList).Email);

        var um = Ok(await client.SubAccountAssets.GetFuturesSummaryV2Async(new SubAccountFuturesSummaryQuery { FuturesType = FuturesType.UsdtMargined }));
        Assert.Null(um.DeliveryAccountSummaryResp);
        Assert.Equal(2400m, um.FutureAccountSummaryResp!.TotalMarginBalance);

        var cm = Ok(await client.SubAccountAssets.GetFuturesSummaryV2Async(new SubAccountFuturesSummaryQuery { FuturesType = FuturesType.CoinMargined, Page = 1, Limit = 20 }));
        Assert.Null(cm.FutureAccountSummaryResp);
        Assert.Equal((0.2m, 0.05m, 0.25m, "BTC"), (cm.DeliveryAccountSummaryResp!.TotalWalletBalanceOfBtc, cm.DeliveryAccountSummaryResp.TotalUnrealizedProfitOfBtc,
            cm.DeliveryAccountSummaryResp.TotalMarginBalanceOfBtc, cm.DeliveryAccountSummaryResp.Asset));
    }

    [Fact]
    public async Task Refusals_futures_not_enabled_unknown_email_and_sub_account_keys()
    {
        using var client = Client();
        Assert.Equal("-5011", Refused(await client.SubAccountAssets.GetFuturesAccountAsync(new SubAccountEmailRequest(Bob))).Code);
        Assert.Equal("-5021", Refused(await client.SubAccountAssets.GetAssetsV3Async(new SubAccountEmailRequest("nobody@example.com"))).Code);
        using var alice = AliceClient();
        Assert.Equal("Sub-account function is not enabled.", Refused(await alice.SubAccountAssets.GetSpotSummaryAsync()).Message);
        Assert.Equal("", Refused(await alice.SubAccountAssets.GetMarginSummaryAsync()).Code);
    }
}
