using Ferry.Engine.Service;
using Ferry.Engine.Transfers;

namespace Ferry.Engine.Tests.Service;

/// <summary>
/// Planning a Binance move through <see cref="TransferService.PlanAsync"/>: a move inside one account is the router's
/// one-leg route (one universal transfer), and every bad input is refused in one sentence before anything is sent.
/// </summary>
public sealed class TransferServicePlanTests
{
    private static readonly TransferService PlanningService = PlanOnlyService.Over(PlanOnlyService.Binance(), PlanOnlyService.Htx());

    private static async Task<WalletTransferPlan> PlanAsync(string amount, string asset, string from, string to)
    {
        var proposal = await PlanningService.PlanAsync(amount, asset, from, to, "main");
        return Assert.IsType<WalletTransferLeg>(Assert.Single(proposal.Legs)).Plan;
    }

    private static async Task<string> RefusalAsync(string amount, string asset, string from, string to, string account = "main") =>
        (await Assert.ThrowsAsync<TransferPlanningException>(() => PlanningService.PlanAsync(amount, asset, from, to, account))).Message;

    [Fact]
    public async Task Spot_to_usdm_is_MAIN_UMFUTURE_with_wire_amount()
    {
        var plan = await PlanAsync("100.50", "usdt", "spot", "usdm");
        Assert.Equal("MAIN_UMFUTURE", plan.TransferTypeName);
        Assert.Equal("USDT", plan.Asset);
        Assert.Equal(
            [new("type", "MAIN_UMFUTURE"), new("asset", "USDT"), new("amount", "100.5")],
            plan.Parameters);
    }

    [Fact]
    public async Task Isolated_to_isolated_carries_both_symbols()
    {
        var plan = await PlanAsync("1", "USDT", "isolated:BTCUSDT", "isolated:ETHUSDT");
        Assert.Equal(("ISOLATEDMARGIN_ISOLATEDMARGIN", "BTCUSDT", "ETHUSDT"), (plan.TransferTypeName, plan.FromSymbol, plan.ToSymbol));
    }

    [Fact]
    public async Task Own_email_is_the_same_account()
    {
        var plan = await PlanAsync("1", "USDT", "master@example.com/spot", "funding");
        Assert.Equal("MAIN_FUNDING", plan.TransferTypeName);
    }

    [Fact]
    public async Task A_move_inside_one_account_is_sent_with_that_accounts_key()
    {
        var proposal = await PlanningService.PlanAsync("1", "USDT", "spot", "usdm", "main");
        Assert.Equal(("main", "main"), (proposal.Legs[0].AccountName, proposal.LegAccounts[0].Name));
        Assert.False(proposal.IsRoute);
    }

    [Theory]
    [InlineData("0", "USDT", "spot", "usdm", "not positive")]
    [InlineData("-5", "USDT", "spot", "usdm", "not positive")]
    [InlineData("0.123456789", "USDT", "spot", "usdm", "more than 8 decimal places")]
    [InlineData("1", "US DT", "spot", "usdm", "not an asset name")]
    [InlineData("1", "USDT", "spot", "spot", "same wallet")]
    public async Task Refuses_bad_moves(string amount, string asset, string from, string to, string expected)
    {
        Assert.Contains(expected, await RefusalAsync(amount, asset, from, to));
    }

    [Fact]
    public async Task An_htx_account_naming_binance_wallets_is_refused()
    {
        Assert.Equal("Account 'h' is an HTX account, but the move names Binance wallets.", await RefusalAsync("1", "USDT", "spot", "usdm", "h"));
    }

    [Fact]
    public async Task Htx_wallets_on_a_binance_account_are_refused()
    {
        // HTX wallets go to the HTX planner whatever the account, and it names the account that cannot move them.
        Assert.Equal("Account 'main' is a Binance account, but the move names HTX wallets; choose an HTX account with --account.",
            await RefusalAsync("1", "USDT", "htx:spot", "htx:swap"));
    }

    [Fact]
    public async Task A_wallet_of_an_account_outside_the_family_is_refused()
    {
        // Another account's wallet is refused unless it is the master or a known sub-account (then it is routed, below).
        Assert.Equal("'alice@example.com/spot' names another account (alice@example.com) that is neither account 'main' (master@example.com) "
            + "nor a known sub-account of master@example.com; list it under the master's 'subAccounts' in accounts.json (known: none).",
            await RefusalAsync("1", "USDT", "alice@example.com/spot", "usdm"));
    }

    [Fact]
    public async Task A_wallet_of_a_known_sub_account_is_routed_through_the_sub_account_transfer()
    {
        var ferry = PlanOnlyService.Over(PlanOnlyService.Binance(subAccounts: "alice@example.com"));
        var proposal = await ferry.PlanAsync("1", "USDT", "alice@example.com/spot", "usdm", "main");
        Assert.Equal(TransferEndpointKind.SubAccountUniversalTransfer, Assert.Single(proposal.Route!.Legs).Kind);
    }

    [Fact]
    public async Task Futures_to_futures_inside_one_account_is_a_two_leg_route_through_spot()
    {
        // No single endpoint joins the two futures wallets, so the router plans the two steps through spot.
        var proposal = await PlanningService.PlanAsync("1", "USDT", "usdm", "coinm", "main");
        Assert.True(proposal.IsRoute);
        Assert.Equal(["UMFUTURE_MAIN", "MAIN_CMFUTURE"], proposal.Route!.Legs.Select(l => l.Summary));
        Assert.All(proposal.Route.Legs, l => Assert.Equal("main", l.AccountName));
    }

    [Fact]
    public async Task An_unknown_account_is_refused()
    {
        Assert.Equal("There is no account named 'nobody'.", await RefusalAsync("1", "USDT", "spot", "usdm", "nobody"));
    }
}
