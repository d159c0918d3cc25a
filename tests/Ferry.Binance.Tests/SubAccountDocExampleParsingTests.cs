using System.Text.Json;
using System.Text.Json.Serialization;
using Ferry.Binance.Models;
using Ferry.Binance.Tests.Support;
using Ferry.Binance.Models.SubAccount;

namespace Ferry.Binance.Tests;

/// <summary>Every documented sub-account response example parses, and no field of it is left unmapped.</summary>
public sealed partial class SubAccountDocExampleParsingTests
{
    private static readonly JsonSerializerOptions Strict = new(BinanceJsonContext.Default.Options)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    private static T Parse<T>(string file) =>
        JsonSerializer.Deserialize<T>(TestClients.Data(file), Strict) ?? throw new InvalidOperationException("null");

    [Fact]
    public void Virtual_sub_account_example_parses() =>
        Assert.Equal("addsdd_virtual@aasaixwqnoemail.com", Parse<VirtualSubAccountResult>("doc-sub-account-virtual.json").Email);

    [Fact]
    public void List_example_parses()
    {
        var page = Parse<SubAccountListPage>("doc-sub-account-list.json");
        Assert.Equal(2, page.SubAccounts.Count);
        var first = page.SubAccounts[0];
        Assert.Equal((123456L, "testsub@gmail.com", "remark", false), (first.SubUserId, first.Email, first.Remark, first.IsFreeze));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1544433328000), first.CreateTime);
        Assert.False(first.IsManagedSubAccount || first.IsAssetManagementSubAccount);
    }

    [Fact]
    public void Status_example_parses_as_an_array()
    {
        var row = Assert.Single(Parse<IReadOnlyList<SubAccountStatusRow>>("doc-sub-account-status.json"));
        Assert.Equal(("123@test.com", true, true, true), (row.Email, row.IsSubUserEnabled, row.IsMarginEnabled, row.IsFutureEnabled));
        Assert.Equal(1570791523523L, row.Mobile);
    }

    [Fact]
    public void Enable_examples_parse()
    {
        Assert.True(Parse<FuturesEnableResult>("doc-sub-account-futures-enable.json").IsFuturesEnabled);
        Assert.True(Parse<OptionsEnableResult>("doc-sub-account-eoptions-enable.json").IsEOptionsEnabled);
    }

    [Fact]
    public void Transaction_statistics_example_parses_strings_and_numbers()
    {
        var stats = Parse<SubAccountTransactionStatistics>("doc-sub-account-transaction-statistics.json");
        Assert.Equal(0m, stats.Recent30BtcTotal);
        var day = Assert.Single(stats.TradeInfoVos);
        Assert.Equal((1000138138384L, 1676851200000L), (day.UserId, day.Date.ToUnixTimeMilliseconds()));
    }

    [Fact]
    public void A_list_without_subAccounts_does_not_parse() =>
        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize("{}"u8, BinanceJsonContext.Default.SubAccountListPage));
}
