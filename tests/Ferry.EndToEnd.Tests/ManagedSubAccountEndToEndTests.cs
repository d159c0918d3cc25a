using Ferry.Binance.ManagedSubAccount;
using Ferry.Core.Outcomes;

namespace Ferry.EndToEnd.Tests;

/// <summary>Every managed sub-account endpoint through the typed client against the simulator over loopback.</summary>
public sealed class ManagedSubAccountEndToEndTests : ManagedSubAccountFixture
{
    private ManagedSubAccountTransferLogQuery Window(string? email = Fund) =>
        new(Clock.GetUtcNow().AddDays(-1), Clock.GetUtcNow().AddDays(1)) { Email = email };

    [Fact]
    public async Task Info_lists_the_investors_managed_sub_accounts_with_their_trading_teams()
    {
        using var client = Client();
        var page = Ok(await client.ManagedSubAccount.GetListAsync());
        Assert.Equal(2, page.Total);
        var fund = page.ManagerSubUserInfoVoList.Single(r => r.Email == Fund);
        Assert.Equal((Team, true, true, true, true), (fund.BindParentEmail, fund.IsFutureEnabled, fund.IsMarginEnabled, fund.IsSignedLvtRiskAgreement, fund.IsSubUserEnabled));
        Assert.NotEqual(fund.BindParentUserId, page.ManagerSubUserInfoVoList.Single(r => r.Email == Fund2).BindParentUserId);
        Assert.Equal(Fund2, Assert.Single(Ok(await client.ManagedSubAccount.GetListAsync(new ManagedSubAccountListQuery { Email = Fund2 })).ManagerSubUserInfoVoList).Email);
        Assert.Equal(2, Ok(await client.ManagedSubAccount.GetAllAsync()).Count);
        Assert.Empty(Ok(await client.ManagedSubAccount.GetListAsync(new ManagedSubAccountListQuery { Page = 2 })).ManagerSubUserInfoVoList);
    }

    [Fact]
    public async Task Deposit_and_withdraw_move_spot_money_and_show_in_all_three_logs()
    {
        using var master = Client();
        var deposit = Ok(await master.ManagedSubAccount.DepositAsync(new ManagedSubAccountDepositRequest(Fund, "USDT", 25.5m)));
        Assert.Equal((974.5m, 125.5m), (Spot(Master), Spot(Fund)));
        var withdraw = Ok(await master.ManagedSubAccount.WithdrawAsync(new ManagedSubAccountWithdrawRequest(Fund, "USDT", 10m)));
        Assert.Equal((984.5m, 115.5m), (Spot(Master), Spot(Fund)));
        Assert.NotEqual(deposit.TranId, withdraw.TranId);

        var investor = Ok(await master.ManagedSubAccount.GetInvestorTransferLogAsync(Window()));
        Assert.Equal(2, investor.Count);
        var newest = investor.ManagerSubTransferHistoryVos[0];
        Assert.Equal((withdraw.TranId, Fund, "SPOT", Master, "SPOT", "USDT", 10m, "SUCCESS"),
            (newest.TranId, newest.FromEmail, newest.FromAccountType, newest.ToEmail, newest.ToAccountType, newest.Asset, newest.Amount, newest.Status));
        Assert.Equal(newest.CreateTime, newest.ScheduledData);

        using var team = Client("team");
        var parent = Ok(await team.ManagedSubAccount.GetTradeParentTransferLogAsync(Window()));
        Assert.Equal(investor.ManagerSubTransferHistoryVos.Select(r => r.TranId), parent.ManagerSubTransferHistoryVos.Select(r => r.TranId));
        using var fund = Client("fund");
        var own = Ok(await fund.ManagedSubAccount.GetOwnTransferLogAsync(Window(email: null)));
        Assert.Equal(investor.ManagerSubTransferHistoryVos.Select(r => r.TranId), own.ManagerSubTransferHistoryVos.Select(r => r.TranId));

        // Direction is seen from the managed sub-account: TO = deposits into it, FROM = withdrawals out of it.
        var into = Ok(await master.ManagedSubAccount.GetInvestorTransferLogAsync(Window() with { Transfers = ManagedTransferDirection.To }));
        Assert.Equal(deposit.TranId, Assert.Single(into.ManagerSubTransferHistoryVos).TranId);
        var outOf = Ok(await fund.ManagedSubAccount.GetOwnTransferLogAsync(Window(null) with { Transfers = ManagedTransferDirection.From }));
        Assert.Equal(withdraw.TranId, Assert.Single(outOf.ManagerSubTransferHistoryVos).TranId);
        var margin = Ok(await team.ManagedSubAccount.GetTradeParentTransferLogAsync(Window() with { TransferFunctionAccountType = ManagedAccountType.Margin }));
        Assert.Equal(0, margin.Count);
        var paged = Ok(await master.ManagedSubAccount.GetInvestorTransferLogAsync(Window() with { Page = 2, Limit = 1 }));
        Assert.Equal((2, deposit.TranId), (paged.Count, Assert.Single(paged.ManagerSubTransferHistoryVos).TranId));
        // fund2 saw none of it.
        Assert.Equal(0, Ok(await master.ManagedSubAccount.GetInvestorTransferLogAsync(Window(Fund2))).Count);
    }

    [Fact]
    public async Task A_scheduled_withdrawal_runs_when_the_clock_reaches_its_date_utc()
    {
        using var master = Client();
        var tomorrow = new DateTimeOffset(Clock.GetUtcNow().UtcDateTime.Date, TimeSpan.Zero).AddDays(1);
        var transferDate = tomorrow.AddHours(15); // any time of that day: it runs at the day's start, 00:00 UTC
        var scheduled = Ok(await master.ManagedSubAccount.WithdrawAsync(new ManagedSubAccountWithdrawRequest(Fund, "USDT", 40m) { TransferDate = transferDate }));
        Assert.Equal((1000m, 100m), (Spot(Master), Spot(Fund)));

        MoveClockTo(tomorrow.AddMinutes(-1));
        Assert.Equal(0, Host.RunScheduledWork());
        Assert.Equal(100m, Spot(Fund));

        MoveClockTo(tomorrow.AddMinutes(1));
        Assert.Equal(1, Host.RunScheduledWork());
        Assert.Equal((1040m, 60m), (Spot(Master), Spot(Fund)));
        Assert.Equal(0, Host.RunScheduledWork());

        var log = Ok(await master.ManagedSubAccount.GetInvestorTransferLogAsync(Window()));
        var row = Assert.Single(log.ManagerSubTransferHistoryVos);
        Assert.Equal((scheduled.TranId, 40m, transferDate.ToUnixTimeMilliseconds()), (row.TranId, row.Amount, row.ScheduledData.ToUnixTimeMilliseconds()));
    }

    [Fact]
    public async Task A_request_after_the_date_runs_the_due_withdrawal_first()
    {
        using var master = Client();
        var tomorrow = new DateTimeOffset(Clock.GetUtcNow().UtcDateTime.Date, TimeSpan.Zero).AddDays(1);
        Ok(await master.ManagedSubAccount.WithdrawAsync(new ManagedSubAccountWithdrawRequest(Fund, "USDT", 100m) { TransferDate = tomorrow }));
        MoveClockTo(tomorrow.AddSeconds(5));
        var assets = Ok(await master.ManagedSubAccount.GetAssetsAsync(new ManagedSubAccountEmailQuery(Fund)));
        Assert.DoesNotContain(assets, a => a.Coin == "USDT");
        Assert.Equal(1100m, Spot(Master));
    }

    [Fact]
    public async Task A_scheduled_withdrawal_that_the_balance_no_longer_covers_moves_nothing()
    {
        using var master = Client();
        var tomorrow = new DateTimeOffset(Clock.GetUtcNow().UtcDateTime.Date, TimeSpan.Zero).AddDays(1);
        Ok(await master.ManagedSubAccount.WithdrawAsync(new ManagedSubAccountWithdrawRequest(Fund, "USDT", 80m) { TransferDate = tomorrow }));
        Ok(await master.ManagedSubAccount.WithdrawAsync(new ManagedSubAccountWithdrawRequest(Fund, "USDT", 50m)));
        MoveClockTo(tomorrow.AddMinutes(1));
        Assert.Equal(1, Host.RunScheduledWork());
        Assert.Equal((1050m, 50m), (Spot(Master), Spot(Fund)));
        Assert.Equal(1, Ok(await master.ManagedSubAccount.GetInvestorTransferLogAsync(Window())).Count);
    }

    [Fact]
    public async Task Asset_queries_answer_the_documented_shapes()
    {
        using var master = Client();
        var assets = Ok(await master.ManagedSubAccount.GetAssetsAsync(new ManagedSubAccountEmailQuery(Fund)));
        var btc = assets.Single(a => a.Coin == "BTC");
        Assert.Equal((0.01m, 0.01m, 0m, 0.01m), (btc.TotalBalance, btc.AvailableBalance, btc.InOrder, btc.BtcValue));
        Assert.Equal(0.00166666m, assets.Single(a => a.Coin == "USDT").BtcValue);

        var futures = Ok(await master.ManagedSubAccount.GetFuturesAssetsAsync(new ManagedSubAccountFuturesQuery(Fund)));
        Assert.Equal(("200", "OK"), (futures.Code, futures.Message));
        var snapshot = Assert.Single(futures.SnapshotVos);
        var usdt = Assert.Single(snapshot.Data.Assets);
        Assert.Equal((200m, 220m), (usdt.WalletBalance, usdt.MarginBalance));
        var position = Assert.Single(snapshot.Data.Position);
        Assert.Equal(("BTCUSDT", 58000m, 60000m, 0.01m), (position.Symbol, position.EntryPrice, position.MarkPrice, position.PositionAmt));
        var coin = Ok(await master.ManagedSubAccount.GetFuturesAssetsAsync(new ManagedSubAccountFuturesQuery(Fund) { AccountType = ManagedFuturesAccountType.CoinFuture }));
        Assert.Empty(coin.SnapshotVos[0].Data.Position);

        var margin = Ok(await master.ManagedSubAccount.GetMarginAssetsAsync(new ManagedSubAccountMarginQuery(Fund)));
        Assert.Equal((999m, 0m), (margin.MarginLevel, margin.TotalLiabilityOfBtc));
        Assert.Equal(("USDT", 50m, 50m), (margin.UserAssets[0].Asset, margin.UserAssets[0].Free, margin.UserAssets[0].NetAsset));
        var isolated = Ok(await master.ManagedSubAccount.GetMarginAssetsAsync(new ManagedSubAccountMarginQuery(Fund) { AccountType = ManagedMarginAccountType.IsolatedMargin }));
        Assert.Equal(20m, Assert.Single(isolated.UserAssets).Free);

        var address = Ok(await master.ManagedSubAccount.GetDepositAddressAsync(new ManagedSubAccountDepositAddressQuery(Fund, "USDT") { Network = "ETH" }));
        Assert.Equal(("USDT", 42), (address.Coin, address.Address.Length));
        Assert.StartsWith("https://etherscan.io/address/0x", address.Url, StringComparison.Ordinal);

        // fund2 has neither futures nor margin.
        Assert.Equal("-5011", Refused(await master.ManagedSubAccount.GetFuturesAssetsAsync(new ManagedSubAccountFuturesQuery(Fund2))).Code);
        Assert.Equal("-3003", Refused(await master.ManagedSubAccount.GetMarginAssetsAsync(new ManagedSubAccountMarginQuery(Fund2))).Code);
    }

    [Fact]
    public async Task Snapshots_appear_once_a_utc_day_has_ended_and_follow_the_ledger()
    {
        using var master = Client();
        var spot = new ManagedSubAccountSnapshotQuery(Fund, ManagedSnapshotType.Spot);
        var none = Ok(await master.ManagedSubAccount.GetSnapshotAsync(spot));
        Assert.Equal(("200", ""), (none.Code, none.Msg));
        Assert.Empty(none.SnapshotVos);

        var today = new DateTimeOffset(Clock.GetUtcNow().UtcDateTime.Date, TimeSpan.Zero);
        Ok(await master.ManagedSubAccount.DepositAsync(new ManagedSubAccountDepositRequest(Fund, "USDT", 5m)));
        MoveClockTo(today.AddDays(1).AddHours(1));
        Ok(await master.ManagedSubAccount.DepositAsync(new ManagedSubAccountDepositRequest(Fund, "USDT", 7m)));
        MoveClockTo(today.AddDays(2).AddHours(1));

        var page = Ok(await master.ManagedSubAccount.GetSnapshotAsync(spot));
        Assert.Equal(2, page.SnapshotVos.Count);
        Assert.Equal(today.AddDays(1).AddSeconds(-1), page.SnapshotVos[0].UpdateTime);
        Assert.Equal("spot", page.SnapshotVos[0].Type);
        Assert.Equal(105m, page.SnapshotVos[0].Data.Balances.Single(b => b.Asset == "USDT").Free);
        Assert.Equal(112m, page.SnapshotVos[1].Data.Balances.Single(b => b.Asset == "USDT").Free);
        Assert.True(page.SnapshotVos[1].Data.TotalAssetOfBtc > 0.01m);

        var futures = Ok(await master.ManagedSubAccount.GetSnapshotAsync(new ManagedSubAccountSnapshotQuery(Fund, ManagedSnapshotType.Futures)));
        var last = futures.SnapshotVos[^1].Data;
        Assert.Equal(("futures", 200m, 220m), (futures.SnapshotVos[^1].Type, last.Assets[0].WalletBalance, last.Assets[0].MarginBalance));
        Assert.Equal(20m, Assert.Single(last.Position).UnRealizedProfit);
        var margin = Ok(await master.ManagedSubAccount.GetSnapshotAsync(new ManagedSubAccountSnapshotQuery(Fund, ManagedSnapshotType.Margin)));
        Assert.Equal(50m, margin.SnapshotVos[^1].Data.UserAssets[0].Free);

        // The window filters on updateTime; older than a month is refused.
        var first = Ok(await master.ManagedSubAccount.GetSnapshotAsync(spot with { EndTime = today.AddDays(1) }));
        Assert.Single(first.SnapshotVos);
        Assert.Equal("-1102", Refused(await master.ManagedSubAccount.GetSnapshotAsync(spot with { StartTime = Clock.GetUtcNow().AddDays(-31) })).Code);
    }

    [Fact]
    public async Task Each_endpoint_refuses_the_other_roles()
    {
        using var master = Client();
        using var team = Client("team");
        using var fund = Client("fund");
        using var alice = Client("alice");
        using var otherTeam = Client("other-team");

        // Investor endpoints: a trading-team master, the managed sub-account itself and an ordinary sub-account get -2015.
        foreach (var stranger in new[] { team, fund, alice })
        {
            Assert.Equal("-2015", Refused(await stranger.ManagedSubAccount.GetListAsync()).Code);
            Assert.Equal("-2015", Refused(await stranger.ManagedSubAccount.DepositAsync(new ManagedSubAccountDepositRequest(Fund, "USDT", 1m))).Code);
            Assert.Equal("-2015", Refused(await stranger.ManagedSubAccount.WithdrawAsync(new ManagedSubAccountWithdrawRequest(Fund, "USDT", 1m))).Code);
            Assert.Equal("-2015", Refused(await stranger.ManagedSubAccount.GetInvestorTransferLogAsync(Window())).Code);
            Assert.Equal("-2015", Refused(await stranger.ManagedSubAccount.GetSnapshotAsync(new ManagedSubAccountSnapshotQuery(Fund, ManagedSnapshotType.Spot))).Code);
        }
        // The trading-team master's log: only a trading-team master, and only for its own managed sub-accounts.
        Assert.Equal("-2015", Refused(await master.ManagedSubAccount.GetTradeParentTransferLogAsync(Window())).Code);
        Assert.Equal("-2015", Refused(await fund.ManagedSubAccount.GetTradeParentTransferLogAsync(Window())).Code);
        Assert.Equal("-5021", Refused(await otherTeam.ManagedSubAccount.GetTradeParentTransferLogAsync(Window())).Code);
        // The trading-team sub-account's log: only a managed sub-account's own key.
        Assert.Equal("-2015", Refused(await master.ManagedSubAccount.GetOwnTransferLogAsync(Window(null))).Code);
        Assert.Equal("-2015", Refused(await team.ManagedSubAccount.GetOwnTransferLogAsync(Window(null))).Code);
        Assert.Equal("-2015", Refused(await alice.ManagedSubAccount.GetOwnTransferLogAsync(Window(null))).Code);
        // The investor naming an ordinary sub-account or a stranger: -5021; a read-only key cannot move money.
        Assert.Equal("-5021", Refused(await master.ManagedSubAccount.DepositAsync(new ManagedSubAccountDepositRequest(Alice, "USDT", 1m))).Code);
        Assert.Equal("-5021", Refused(await master.ManagedSubAccount.GetAssetsAsync(new ManagedSubAccountEmailQuery("nobody@example.com"))).Code);
        using var readOnly = Client("master-read");
        Assert.Equal("-2015", Refused(await readOnly.ManagedSubAccount.DepositAsync(new ManagedSubAccountDepositRequest(Fund, "USDT", 1m))).Code);
        Assert.Equal("-5002", Refused(await master.ManagedSubAccount.WithdrawAsync(new ManagedSubAccountWithdrawRequest(Fund, "USDT", 100.01m))).Code);
        Assert.Equal((1000m, 100m), (Spot(Master), Spot(Fund)));
    }

    [Fact]
    public async Task Bad_input_is_refused_before_anything_is_sent()
    {
        using var master = Client();
        Assert.IsType<NotSent<Binance.Models.ManagedSubAccount.ManagedSubAccountTransferResult>>(
            await master.ManagedSubAccount.DepositAsync(new ManagedSubAccountDepositRequest(Fund, "USDT", 0.000000001m)));
        Assert.IsType<NotSent<Binance.Models.ManagedSubAccount.ManagedSubAccountSnapshotPage>>(
            await master.ManagedSubAccount.GetSnapshotAsync(new ManagedSubAccountSnapshotQuery(Fund, ManagedSnapshotType.Spot) { Limit = 31 }));
        Assert.IsType<NotSent<Binance.Models.ManagedSubAccount.ManagedSubAccountTransferLog>>(
            await master.ManagedSubAccount.GetInvestorTransferLogAsync(Window() with { Limit = 501 }));
        Assert.Equal((1000m, 100m), (Spot(Master), Spot(Fund)));
    }
}
