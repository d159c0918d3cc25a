using System.Text.RegularExpressions;
using Ferry.Binance.Models;
using Ferry.Binance.SubAccount;
using Ferry.Binance.Wallet;

namespace Ferry.EndToEnd.Tests;

/// <summary>The accounts family: create virtual, list (paged), status, enable futures/options, transaction statistics.</summary>
public sealed partial class SubAccountAccountsEndToEndTests : SubAccountFixture
{
    [GeneratedRegex("^desk7_virtual@[a-z]{8}noemail\\.com$")]
    private static partial Regex VirtualEmail();

    [Fact]
    public async Task A_virtual_sub_account_gets_a_derived_email_and_appears_in_list_and_status()
    {
        using var client = Client();

        var created = Ok(await client.SubAccountManagement.CreateVirtualSubAccountAsync(new CreateVirtualSubAccountRequest("Desk7")));

        Assert.Matches(VirtualEmail(), created.Email);
        var all = Ok(await client.SubAccountManagement.GetAllSubAccountsAsync());
        Assert.Equal([Alice, Bob, Carol, created.Email], all.Select(r => r.Email));
        var row = all[^1];
        Assert.False(row.IsFreeze);
        Assert.True(row.SubUserId > all[^2].SubUserId);
        var status = Assert.Single(Ok(await client.SubAccountManagement.GetStatusAsync(new SubAccountEmailFilter { Email = created.Email })));
        Assert.Equal((created.Email, true, false, false), (status.Email, status.IsSubUserEnabled, status.IsFutureEnabled, status.IsMarginEnabled));

        var second = Ok(await client.SubAccountManagement.CreateVirtualSubAccountAsync(new CreateVirtualSubAccountRequest("Desk7")));
        Assert.NotEqual(created.Email, second.Email);
    }

    [Fact]
    public async Task The_list_defaults_to_one_row_and_the_paged_read_returns_every_sub_account_past_200()
    {
        using var client = Client();
        for (var i = 0; i < 200; i++)
        {
            Ok(await client.SubAccountManagement.CreateVirtualSubAccountAsync(new CreateVirtualSubAccountRequest($"bulk{i}")));
        }

        var firstPage = Ok(await client.SubAccountManagement.GetSubAccountsAsync(new SubAccountListQuery()));
        var all = Ok(await client.SubAccountManagement.GetAllSubAccountsAsync());

        Assert.Equal(Alice, Assert.Single(firstPage.SubAccounts).Email);
        Assert.Equal(203, all.Count);
        Assert.Equal(203, all.Select(r => r.Email).Distinct().Count());
        Assert.Equal(Carol, Assert.Single(Ok(await client.SubAccountManagement.GetAllSubAccountsAsync(new SubAccountListQuery { IsFreeze = true }))).Email);
        Assert.Equal(Bob, Assert.Single(Ok(await client.SubAccountManagement.GetSubAccountsAsync(new SubAccountListQuery { Email = Bob, Limit = 10 })).SubAccounts).Email);
    }

    [Fact]
    public async Task List_rows_carry_remark_and_freeze_flags()
    {
        using var client = Client();
        var page = Ok(await client.SubAccountManagement.GetSubAccountsAsync(new SubAccountListQuery { Page = 1, Limit = 200 }));
        Assert.Equal(("desk A", false), (page.SubAccounts[0].Remark, page.SubAccounts[0].IsFreeze));
        Assert.True(page.SubAccounts[2].IsFreeze);
        var statuses = Ok(await client.SubAccountManagement.GetStatusAsync());
        Assert.Equal([Alice, Bob, Carol], statuses.Select(s => s.Email));
        Assert.Equal([true, false, false], statuses.Select(s => s.IsFutureEnabled));
        Assert.False(statuses[2].IsSubUserEnabled);
    }

    [Fact]
    public async Task Enabling_futures_lets_the_sub_account_move_money_into_its_futures_wallet()
    {
        using var master = Client();
        using var bob = Client("bob-key", "bob-secret");
        var move = new UniversalTransferRequest(UniversalTransferType.MainUmFuture, "USDT", 10m);

        Assert.Equal("-5011", Refused(await bob.Wallet.UniversalTransferAsync(move)).Code);
        var enabled = Ok(await master.SubAccountManagement.EnableFuturesAsync(new SubAccountEmailRequest(Bob)));
        Assert.Equal((Bob, true), (enabled.Email, enabled.IsFuturesEnabled));
        Ok(await bob.Wallet.UniversalTransferAsync(move));

        Assert.Equal(10m, Host.Balances(Bob).Single(b => b.Wallet == "USDT_FUTURE").Amount);
        Assert.True(Assert.Single(Ok(await master.SubAccountManagement.GetStatusAsync(new SubAccountEmailFilter { Email = Bob }))).IsFutureEnabled);
    }

    [Fact]
    public async Task Enabling_options_lets_the_sub_account_move_money_into_its_options_wallet()
    {
        using var master = Client();
        using var bob = Client("bob-key", "bob-secret");
        var move = new UniversalTransferRequest(UniversalTransferType.MainOption, "USDT", 5m);

        Assert.Equal("-5010", Refused(await bob.Wallet.UniversalTransferAsync(move)).Code);
        var enabled = Ok(await master.SubAccountManagement.EnableOptionsAsync(new SubAccountEmailRequest(Bob)));
        Assert.Equal((Bob, true), (enabled.Email, enabled.IsEOptionsEnabled));
        Ok(await bob.Wallet.UniversalTransferAsync(move));
        Assert.Equal(5m, Host.Balances(Bob).Single(b => b.Wallet == "OPTION").Amount);
    }

    [Fact]
    public async Task Transaction_statistics_are_zero_on_a_simulator_that_trades_nothing()
    {
        using var client = Client();
        var stats = Ok(await client.SubAccountManagement.GetTransactionStatisticsAsync(new SubAccountEmailFilter { Email = Alice }));
        Assert.Equal(0m, stats.Recent30BtcTotal);
        Assert.Empty(stats.TradeInfoVos);
        Assert.Equal(0m, Ok(await client.SubAccountManagement.GetTransactionStatisticsAsync()).Recent30BusdTotal);
    }

    [Fact]
    public async Task An_unknown_email_is_refused_with_minus_5021()
    {
        using var client = Client();
        var error = Refused(await client.SubAccountManagement.EnableFuturesAsync(new SubAccountEmailRequest("nobody@example.com")));
        Assert.Equal((400, "-5021", "This parent sub have no relation"), (error.HttpStatus, error.Code, error.Message));
        Assert.Equal("-5021", Refused(await client.SubAccountManagement.GetStatusAsync(new SubAccountEmailFilter { Email = Master })).Code);
    }

    [Fact]
    public async Task A_sub_account_key_gets_the_legacy_not_enabled_answer_from_master_only_endpoints()
    {
        using var alice = AliceClient();
        var error = Refused(await alice.SubAccountManagement.GetSubAccountsAsync(new SubAccountListQuery()));
        Assert.Equal((400, "", "Sub-account function is not enabled."), (error.HttpStatus, error.Code, error.Message));
        Assert.Equal("Sub-account function is not enabled.", Refused(await alice.SubAccountManagement.EnableFuturesAsync(new SubAccountEmailRequest(Bob))).Message);
        Assert.DoesNotContain(Host.Balances(Bob), b => b.Wallet == "USDT_FUTURE");
    }

    [Fact]
    public async Task Creating_a_virtual_sub_account_needs_the_trade_permission()
    {
        using var readOnly = Client("master-read-key", "master-read-secret");
        Assert.Equal("-2015", Refused(await readOnly.SubAccountManagement.CreateVirtualSubAccountAsync(new CreateVirtualSubAccountRequest("x"))).Code);
        using var master = Client();
        Assert.Equal(3, Ok(await master.SubAccountManagement.GetAllSubAccountsAsync()).Count);
    }
}
