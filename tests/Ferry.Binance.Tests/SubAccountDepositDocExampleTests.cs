using Ferry.Binance.Models;
using Ferry.Binance.SubAccount;
using Ferry.Binance.Models.SubAccount;

namespace Ferry.Binance.Tests;

/// <summary>The deposits family's documented examples parse, nothing unmapped.</summary>
public sealed partial class SubAccountDocExampleParsingTests
{
    [Fact]
    public void Deposit_address_and_history_examples_parse()
    {
        var address = Parse<SubAccountDepositAddress>("doc-sub-account-deposit-address.json");
        Assert.Equal(("USDT", ""), (address.Coin, address.Tag));
        var rows = Parse<IReadOnlyList<SubAccountDepositRow>>("doc-sub-account-deposit-history.json");
        Assert.Equal(("769800519366885376", 0.001m, 0, "101764890"), (rows[0].Id, rows[0].Amount, rows[0].Status, rows[0].AddressTag));
        Assert.Equal((0.5m, 1599620082000L), (rows[1].Amount, rows[1].InsertTime.ToUnixTimeMilliseconds()));
    }
}

/// <summary>The deposits family's bad input.</summary>
public sealed partial class SubAccountBadInputTests
{
    [Fact]
    public async Task Deposit_queries_check_every_field()
    {
        await AssertNotSent(c => c.SubAccountManagement.GetDepositAddressAsync(new SubAccountDepositAddressQuery("x", "USDT")), "email 'x' is not an e-mail address.");
        await AssertNotSent(c => c.SubAccountManagement.GetDepositAddressAsync(new SubAccountDepositAddressQuery("a@b.c", "usdt")), "coin 'usdt' must be 1 to 20 upper-case letters or digits, such as USDT.");
        await AssertNotSent(c => c.SubAccountManagement.GetDepositAddressAsync(new SubAccountDepositAddressQuery("a@b.c", "USDT") { Network = "e th" }), "network 'e th' must be 1 to 20 upper-case letters or digits, such as USDT.");
        await AssertNotSent(c => c.SubAccountManagement.GetDepositAddressAsync(new SubAccountDepositAddressQuery("a@b.c", "USDT") { Amount = -1m }), "amount must be more than zero, not -1.");
        await AssertNotSent(c => c.SubAccountManagement.GetDepositHistoryAsync(new SubAccountDepositHistoryQuery("a@b.c") { Limit = 501 }), "limit must be between 1 and 500, not 501.");
        await AssertNotSent(c => c.SubAccountManagement.GetDepositHistoryAsync(new SubAccountDepositHistoryQuery("a@b.c") { Offset = -1 }), "offset must be 0 or more, not -1.");
        await AssertNotSent(c => c.SubAccountManagement.GetDepositHistoryAsync(new SubAccountDepositHistoryQuery("a@b.c") { Status = (DepositStatus)3 }), "status 3 is not 0, 1, 6, 7 or 8.");
        await AssertNotSent(c => c.SubAccountManagement.GetDepositHistoryAsync(new SubAccountDepositHistoryQuery("a@b.c")
            { StartTime = DateTimeOffset.UnixEpoch.AddDays(2), EndTime = DateTimeOffset.UnixEpoch.AddDays(1) }), "endTime must not be before startTime.");
    }
}
