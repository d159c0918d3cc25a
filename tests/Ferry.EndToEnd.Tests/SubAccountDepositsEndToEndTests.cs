using Ferry.Binance.SubAccount;

namespace Ferry.EndToEnd.Tests;

/// <summary>The deposits family: deterministic deposit addresses and deposit history from the scenario.</summary>
public sealed class SubAccountDepositsEndToEndTests : SubAccountFixture
{
    [Fact]
    public async Task Deposit_addresses_are_deterministic_per_email_coin_and_network()
    {
        using var client = Client();
        var eth = Ok(await client.SubAccountManagement.GetDepositAddressAsync(new SubAccountDepositAddressQuery(Alice, "USDT") { Network = "ETH" }));
        var again = Ok(await client.SubAccountManagement.GetDepositAddressAsync(new SubAccountDepositAddressQuery(Alice, "USDT")));
        var bsc = Ok(await client.SubAccountManagement.GetDepositAddressAsync(new SubAccountDepositAddressQuery(Alice, "USDT") { Network = "BSC" }));
        var bob = Ok(await client.SubAccountManagement.GetDepositAddressAsync(new SubAccountDepositAddressQuery(Bob, "USDT") { Network = "ETH" }));
        var btc = Ok(await client.SubAccountManagement.GetDepositAddressAsync(new SubAccountDepositAddressQuery(Alice, "BTC") { Amount = 0.01m }));

        Assert.Matches("^0x[0-9a-f]{40}$", eth.Address);
        Assert.Equal(("USDT", "", $"https://etherscan.io/address/{eth.Address}"), (eth.Coin, eth.Tag, eth.Url));
        Assert.Equal(eth.Address, again.Address);
        Assert.NotEqual(eth.Address, bsc.Address);
        Assert.NotEqual(eth.Address, bob.Address);
        Assert.StartsWith("bc1q", btc.Address, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deposit_history_comes_from_the_scenario_newest_first_with_filters()
    {
        using var client = Client();
        var all = Ok(await client.SubAccountManagement.GetDepositHistoryAsync(new SubAccountDepositHistoryQuery(Alice)));
        Assert.Equal(["btc-tx-1", "0xaaa"], all.Select(d => d.TxId));
        var usdt = all[1];
        Assert.Equal((6000m, "USDT", "ETH", 1, "1/1", DepositTime), (usdt.Amount, usdt.Coin, usdt.Network, usdt.Status, usdt.ConfirmTimes, usdt.InsertTime.ToUnixTimeMilliseconds()));
        var address = Ok(await client.SubAccountManagement.GetDepositAddressAsync(new SubAccountDepositAddressQuery(Alice, "USDT") { Network = "ETH" }));
        Assert.Equal(address.Address, usdt.Address);
        Assert.Matches("^[0-9]{18}$", usdt.Id);

        Assert.Equal("btc-tx-1", Assert.Single(Ok(await client.SubAccountManagement.GetDepositHistoryAsync(new SubAccountDepositHistoryQuery(Alice) { Coin = "BTC" }))).TxId);
        Assert.Equal("btc-tx-1", Assert.Single(Ok(await client.SubAccountManagement.GetDepositHistoryAsync(new SubAccountDepositHistoryQuery(Alice) { Status = DepositStatus.Pending }))).TxId);
        Assert.Equal("0xaaa", Assert.Single(Ok(await client.SubAccountManagement.GetDepositHistoryAsync(new SubAccountDepositHistoryQuery(Alice) { TxId = "0xaaa" }))).TxId);
        Assert.Equal("0xaaa", Assert.Single(Ok(await client.SubAccountManagement.GetDepositHistoryAsync(new SubAccountDepositHistoryQuery(Alice) { Offset = 1, Limit = 1 }))).TxId);
        Assert.Empty(Ok(await client.SubAccountManagement.GetDepositHistoryAsync(new SubAccountDepositHistoryQuery(Alice)
            { StartTime = DateTimeOffset.FromUnixTimeMilliseconds(DepositTime + 2000), EndTime = DateTimeOffset.UtcNow })));
        Assert.Equal(2, Ok(await client.SubAccountManagement.GetAllDepositHistoryAsync(new SubAccountDepositHistoryQuery(Alice))).Count);
        Assert.Equal("trx-1", Assert.Single(Ok(await client.SubAccountManagement.GetDepositHistoryAsync(new SubAccountDepositHistoryQuery(Bob)))).TxId);
    }

    [Fact]
    public async Task Refusals_unknown_email_and_sub_account_key()
    {
        using var client = Client();
        Assert.Equal("-5021", Refused(await client.SubAccountManagement.GetDepositAddressAsync(new SubAccountDepositAddressQuery("x@example.com", "USDT"))).Code);
        Assert.Equal("-5021", Refused(await client.SubAccountManagement.GetDepositHistoryAsync(new SubAccountDepositHistoryQuery(Master))).Code);
        using var alice = AliceClient();
        Assert.Equal("Sub-account function is not enabled.", Refused(await alice.SubAccountManagement.GetDepositHistoryAsync(new SubAccountDepositHistoryQuery(Alice))).Message);
    }
}
