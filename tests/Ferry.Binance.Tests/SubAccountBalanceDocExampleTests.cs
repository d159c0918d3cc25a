using System.Text.Json;
using Ferry.Binance.Models;
using Ferry.Binance.Models.SubAccount;

namespace Ferry.Binance.Tests;

/// <summary>The balances family's documented examples parse, nothing unmapped; v3 needs numbers and v4 strings.</summary>
public sealed partial class SubAccountDocExampleParsingTests
{
    [Fact]
    public void Assets_v3_numbers_and_v4_strings_parse()
    {
        var v3 = Parse<SubAccountAssetsV3>("doc-sub-account-assets-v3.json");
        Assert.Equal([("ADA", 10000m), ("BNB", 10003m)], v3.Balances.Select(b => (b.Asset, b.Free)));
        var v4 = Parse<SubAccountAssetsV4>("doc-sub-account-assets-v4.json");
        Assert.Equal(0.00000001m, v4.Balances[1].Free);
    }

    [Fact]
    public void Assets_v3_refuses_strings_and_v4_refuses_numbers()
    {
        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<SubAccountAssetsV3>(TestClientsData("doc-sub-account-assets-v4.json"), Strict));
        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<SubAccountAssetsV4>(TestClientsData("doc-sub-account-assets-v3.json"), Strict));
    }

    [Fact]
    public void Spot_and_margin_summaries_parse()
    {
        var spot = Parse<SubAccountSpotSummary>("doc-sub-account-spot-summary.json");
        Assert.Equal((2, 0.23231201m, 9999m), (spot.TotalCount, spot.MasterAccountTotalAsset, spot.SpotSubUserAssetBtcVoList[0].TotalAsset));
        var margin = Parse<SubAccountMarginAccount>("doc-sub-account-margin-account.json");
        Assert.Equal((11.64405625m, 1.1m, 201.66666672m), (margin.MarginLevel, margin.MarginTradeCoeffVo!.ForceLiquidationBar, margin.MarginUserAssetVoList[1].Borrowed));
        var summary = Parse<SubAccountMarginSummary>("doc-sub-account-margin-summary.json");
        Assert.Equal((2.22222221m, "345@test.com"), (summary.TotalNetAssetOfBtc, summary.SubAccountList[1].Email));
    }

    [Fact]
    public void Futures_account_v1_and_both_v2_envelopes_parse()
    {
        var v1 = Parse<SubAccountFuturesAccount>("doc-sub-account-futures-account-v1.json");
        Assert.Equal(("USDT", 0.88308m, 2, 1576756674610L), (v1.Asset, v1.TotalWalletBalance!.Value, v1.FeeTier, v1.UpdateTime.ToUnixTimeMilliseconds()));
        var um = Parse<SubAccountFuturesAccountV2>("doc-sub-account-futures-account-v2-usdm.json");
        Assert.Null(um.DeliveryAccountResp);
        Assert.Equal(0.88308m, um.FutureAccountResp!.Assets[0].MaxWithdrawAmount);
        var cm = Parse<SubAccountFuturesAccountV2>("doc-sub-account-futures-account-v2-coinm.json");
        Assert.Null(cm.FutureAccountResp);
        Assert.Equal(("BTC", (decimal?)null), (cm.DeliveryAccountResp!.Assets[0].Asset, cm.DeliveryAccountResp.TotalWalletBalance));
    }

    [Fact]
    public void Futures_summary_v1_and_both_v2_envelopes_parse()
    {
        var v1 = Parse<SubAccountFuturesSummary>("doc-sub-account-futures-summary-v1.json");
        Assert.Equal(("USD", 22.15879444m, 0.8313740m), (v1.Asset, v1.TotalWalletBalance, v1.SubAccountList[1].TotalInitialMargin));
        var um = Parse<SubAccountFuturesSummaryV2>("doc-sub-account-futures-summary-v2-usdm.json");
        Assert.Equal(23.03235621m, um.FutureAccountSummaryResp!.TotalMarginBalance);
        var cm = Parse<SubAccountFuturesSummaryV2>("doc-sub-account-futures-summary-v2-coinm.json");
        Assert.Equal((25.03221121m, "BTC"), (cm.DeliveryAccountSummaryResp!.TotalMarginBalanceOfBtc, cm.DeliveryAccountSummaryResp.SubAccountList[0].Asset));
    }

    private static string TestClientsData(string file) => Support.TestClients.Data(file);
}
