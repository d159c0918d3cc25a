using Ferry.Binance;
using Ferry.Binance.Models;
using Ferry.Binance.SubAccount;
using Ferry.Core.Credentials;
using Ferry.Core.Outcomes;
using Ferry.Simulator;
using Ferry.Simulator.Scenario;

namespace Ferry.EndToEnd.Tests;

/// <summary>
/// Every sub-account transfer endpoint through the typed client against the simulator on loopback: each move, each
/// refusal, and the same ids in every history view (master's and sub-account's). After each test the ledger audits
/// clean and every asset total equals the seed.
/// </summary>
public sealed class SubAccountEndToEndTests : IAsyncLifetime
{
    private const string Master = "master@example.com";
    private const string Alice = "alice@example.com";
    private const string Bob = "bob@example.com";

    private readonly List<BinanceClient> _clients = [];
    private IReadOnlyDictionary<string, decimal> _seeded = new Dictionary<string, decimal>();
    private SimulatorHost _host = null!;

    public async Task InitializeAsync()
    {
        var scenario = ScenarioDocument.Parse($$$"""
            {"binance": {
              "master": "{{{Master}}}",
              "subAccounts": [{"email": "{{{Alice}}}", "futures": true, "margin": true}, {"email": "{{{Bob}}}"}],
              "apiKeys": [
                {"owner": "{{{Master}}}", "apiKey": "master-key", "secret": "master-secret",
                 "permissions": ["enableReading", "enableInternalTransfer", "enableSpotAndMarginTrading"]},
                {"owner": "{{{Master}}}", "apiKey": "master-reader", "secret": "master-reader-secret", "permissions": ["enableReading"]},
                {"owner": "{{{Alice}}}", "apiKey": "alice-key", "secret": "alice-secret", "permissions": ["enableReading", "enableInternalTransfer"]},
                {"owner": "{{{Bob}}}", "apiKey": "bob-key", "secret": "bob-secret", "permissions": ["enableReading", "enableInternalTransfer"]}],
              "balances": [
                {"owner": "{{{Master}}}", "wallet": "SPOT", "asset": "USDT", "amount": "1000"},
                {"owner": "{{{Master}}}", "wallet": "USDT_FUTURE", "asset": "USDT", "amount": "500"},
                {"owner": "{{{Master}}}", "wallet": "COIN_FUTURE", "asset": "BTC", "amount": "1"},
                {"owner": "{{{Alice}}}", "wallet": "SPOT", "asset": "USDT", "amount": "300"},
                {"owner": "{{{Alice}}}", "wallet": "ISOLATED_MARGIN", "symbol": "BTCUSDT", "asset": "USDT", "amount": "20"},
                {"owner": "{{{Bob}}}", "wallet": "SPOT", "asset": "USDT", "amount": "10"}]}}
            """);
        _host = await SimulatorHost.StartAsync(new SimulatorOptions { Scenario = scenario });
        _seeded = _host.Totals();
    }

    public async Task DisposeAsync()
    {
        try
        {
            Assert.Empty(_host.Audit());
            Assert.Equal(_seeded, _host.Totals());
        }
        finally
        {
            foreach (var client in _clients) client.Dispose();
            await _host.DisposeAsync();
        }
    }

    private BinanceClient Client(string key, string secret)
    {
        var client = new BinanceClient(new ApiCredentials(key, new SecretText(secret), SigningKind.Hmac),
            new BinanceClientOptions { BaseAddress = _host.BaseAddress });
        _clients.Add(client);
        return client;
    }

    private SubAccountApi MasterApi => Client("master-key", "master-secret").SubAccount;
    private SubAccountApi AliceApi => Client("alice-key", "alice-secret").SubAccount;
    private SubAccountApi BobApi => Client("bob-key", "bob-secret").SubAccount;

    private decimal Balance(string owner, string wallet, string asset = "USDT", string? symbol = null) =>
        _host.Balances(owner).Where(b => b.Wallet == wallet && b.Symbol == symbol && b.Asset == asset).Sum(b => b.Amount);

    private static T Done<T>(Outcome<T> outcome) => Assert.IsType<Done<T>>(outcome).Value;

    private static void AssertRejected<T>(Outcome<T> outcome, string code)
    {
        var rejected = Assert.IsType<Rejected<T>>(outcome);
        Assert.Equal(code, rejected.Error.Code);
    }

    [Fact]
    public async Task Universal_transfer_master_to_sub_is_listed_with_the_same_ids_in_every_view()
    {
        var request = new SubAccountUniversalTransferRequest(SubAccountAccountType.Spot, SubAccountAccountType.Spot, "USDT", 25m) { ToEmail = Alice };

        var result = Done(await MasterApi.UniversalTransferAsync(request));

        Assert.Equal(request.ClientTranId, result.ClientTranId);
        Assert.Equal((975m, 325m), (Balance(Master, "SPOT"), Balance(Alice, "SPOT")));

        var byMaster = Done(await MasterApi.GetUniversalTransferHistoryAsync(new SubAccountUniversalTransferHistoryQuery()));
        var row = Assert.Single(byMaster.Result);
        Assert.Equal((result.TranId, Master, Alice, "SPOT", "SPOT", 25m, request.ClientTranId), (row.TranId, row.FromEmail, row.ToEmail, row.FromAccountType, row.ToAccountType, row.Amount, row.ClientTranId));
        Assert.Equal(result.TranId, Assert.Single(Done(await MasterApi.GetUniversalTransferHistoryAsync(new() { ToEmail = Alice })).Result).TranId);
        Assert.Empty(Done(await MasterApi.GetUniversalTransferHistoryAsync(new() { FromEmail = Alice })).Result);

        var found = Done(await MasterApi.FindUniversalTransferAsync(request.ClientTranId!));
        Assert.Equal(result.TranId, found!.TranId);
        Assert.Null(Done(await MasterApi.FindUniversalTransferAsync("ferry-never-sent")));

        var spot = Assert.Single(Done(await MasterApi.GetSpotTransferHistoryAsync(new SubAccountSpotTransferHistoryQuery())));
        Assert.Equal((result.TranId, Master, Alice, 25m), (spot.TranId, spot.From, spot.To, spot.Qty));

        var aliceView = Assert.Single(Done(await AliceApi.GetUserTransferHistoryAsync(new() { Type = SubAccountTransferDirection.In })));
        Assert.Equal((result.TranId, "master", Master, 1, 25m, "SPOT", "SPOT"),
            (aliceView.TranId, aliceView.CounterParty, aliceView.Email, aliceView.Type, aliceView.Qty, aliceView.FromAccountType, aliceView.ToAccountType));
        Assert.Empty(Done(await AliceApi.GetUserTransferHistoryAsync(new SubAccountUserHistoryQuery())));   // default: out
    }

    [Fact]
    public async Task Universal_transfer_between_sub_accounts_and_into_the_master_and_out_of_isolated_margin()
    {
        var toBob = Done(await MasterApi.UniversalTransferAsync(new(SubAccountAccountType.Spot, SubAccountAccountType.Spot, "USDT", 5m) { FromEmail = Alice, ToEmail = Bob }));
        var toMasterFutures = Done(await MasterApi.UniversalTransferAsync(new(SubAccountAccountType.Spot, SubAccountAccountType.UsdtFuture, "USDT", 7m) { FromEmail = Alice }));
        var outOfIsolated = Done(await MasterApi.UniversalTransferAsync(
            new(SubAccountAccountType.IsolatedMargin, SubAccountAccountType.Spot, "USDT", 3m) { FromEmail = Alice, Symbol = "BTCUSDT" }));

        Assert.Equal((288m, 15m, 507m, 17m, 1003m), (Balance(Alice, "SPOT"), Balance(Bob, "SPOT"), Balance(Master, "USDT_FUTURE"),
            Balance(Alice, "ISOLATED_MARGIN", symbol: "BTCUSDT"), Balance(Master, "SPOT")));
        var fromAlice = Done(await MasterApi.GetAllUniversalTransferHistoryAsync(new() { FromEmail = Alice }));
        Assert.Equal([outOfIsolated.TranId, toMasterFutures.TranId, toBob.TranId], fromAlice.Select(r => r.TranId));
        var bobIn = Assert.Single(Done(await BobApi.GetUserTransferHistoryAsync(new() { Type = SubAccountTransferDirection.In })));
        Assert.Equal((toBob.TranId, "subAccount", Alice), (bobIn.TranId, bobIn.CounterParty, bobIn.Email));
        var aliceOut = Done(await AliceApi.GetUserTransferHistoryAsync(new() { Type = SubAccountTransferDirection.Out }));
        Assert.Equal([outOfIsolated.TranId, toMasterFutures.TranId, toBob.TranId], aliceOut.Select(r => r.TranId));
        Assert.Equal(("ISOLATED_MARGIN", "SPOT", "master"), (aliceOut[0].FromAccountType, aliceOut[0].ToAccountType, aliceOut[0].CounterParty));
    }

    [Fact]
    public async Task A_transfer_out_of_a_sub_account_is_found_by_its_clientTranId_as_the_reconciler_asks()
    {
        var request = new SubAccountUniversalTransferRequest(SubAccountAccountType.Spot, SubAccountAccountType.Spot, "USDT", 4m) { FromEmail = Alice, ClientTranId = "ferryoutofalice" };
        var result = Done(await MasterApi.UniversalTransferAsync(request));
        var now = DateTimeOffset.UtcNow;
        // The window a reconciler reads: from 5 min before sending to 5 min after the request could last be accepted.
        var found = Done(await MasterApi.FindUniversalTransferAsync("ferryoutofalice", Alice, now - TimeSpan.FromMinutes(5), now + TimeSpan.FromSeconds(21) + TimeSpan.FromMinutes(5)));
        Assert.Equal(result.TranId, found!.TranId);
    }

    [Fact]
    public async Task A_reused_clientTranId_is_rejected_and_nothing_moves()
    {
        var first = new SubAccountUniversalTransferRequest(SubAccountAccountType.Spot, SubAccountAccountType.Spot, "USDT", 1m) { ToEmail = Alice };
        Done(await MasterApi.UniversalTransferAsync(first));

        AssertRejected(await MasterApi.UniversalTransferAsync(first with { ToEmail = Bob, Amount = 2m }), "-5010");

        Assert.Equal((999m, 10m), (Balance(Master, "SPOT"), Balance(Bob, "SPOT")));
        Assert.Equal(Alice, Done(await MasterApi.FindUniversalTransferAsync(first.ClientTranId!))!.ToEmail);
    }

    [Fact]
    public async Task Universal_transfer_refusals_come_from_the_simulator_and_move_nothing()
    {
        AssertRejected(await MasterApi.UniversalTransferAsync(new(SubAccountAccountType.Spot, SubAccountAccountType.Spot, "USDT", 1m) { ToEmail = "stranger@example.com" }), "-5021");
        AssertRejected(await MasterApi.UniversalTransferAsync(new(SubAccountAccountType.Spot, SubAccountAccountType.UsdtFuture, "USDT", 1m) { ToEmail = Bob }), "-5011");
        AssertRejected(await MasterApi.UniversalTransferAsync(new(SubAccountAccountType.Margin, SubAccountAccountType.UsdtFuture, "USDT", 1m) { ToEmail = Alice }), "-9000");
        AssertRejected(await MasterApi.UniversalTransferAsync(new(SubAccountAccountType.Spot, SubAccountAccountType.Spot, "USDT", 5000m) { ToEmail = Alice }), "-5002");
        AssertRejected(await AliceApi.UniversalTransferAsync(new(SubAccountAccountType.Spot, SubAccountAccountType.Spot, "USDT", 1m) { ToEmail = Bob }), "-2015");
        AssertRejected(await Client("master-reader", "master-reader-secret").SubAccount.UniversalTransferAsync(
            new(SubAccountAccountType.Spot, SubAccountAccountType.Spot, "USDT", 1m) { ToEmail = Alice }), "-2015");

        var notSent = Assert.IsType<NotSent<SubAccountUniversalTransferResult>>(await MasterApi.UniversalTransferAsync(
            new(SubAccountAccountType.UsdtFuture, SubAccountAccountType.UsdtFuture, "USDT", 1m) { ToEmail = Alice }));
        Assert.Equal(NotSentReason.InvalidInput, notSent.Reason);
        Assert.Equal((1000m, 300m, 10m), (Balance(Master, "SPOT"), Balance(Alice, "SPOT"), Balance(Bob, "SPOT")));
    }

    [Fact]
    public async Task Margin_transfer_moves_inside_the_sub_account_and_shows_in_its_own_margin_history()
    {
        var into = Done(await MasterApi.MarginTransferAsync(new(Alice, "USDT", 40m, SubAccountMarginTransferType.SpotToMargin)));
        var back = Done(await MasterApi.MarginTransferAsync(new(Alice, "USDT", 15m, SubAccountMarginTransferType.MarginToSpot)));

        Assert.Equal((275m, 25m), (Balance(Alice, "SPOT"), Balance(Alice, "MARGIN")));
        var aliceMargin = Done(await Client("alice-key", "alice-secret").Margin.GetCrossMarginTransferHistoryAsync(new()));
        Assert.Equal([back.TxnId, into.TxnId], aliceMargin.Rows.Select(r => r.TxId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(["ROLL_OUT", "ROLL_IN"], aliceMargin.Rows.Select(r => r.Type));

        AssertRejected(await MasterApi.MarginTransferAsync(new(Bob, "USDT", 1m, SubAccountMarginTransferType.SpotToMargin)), "-5010");
        AssertRejected(await MasterApi.MarginTransferAsync(new(Alice, "USDT", 1000m, SubAccountMarginTransferType.SpotToMargin)), "-5002");
        AssertRejected(await AliceApi.MarginTransferAsync(new(Alice, "USDT", 1m, SubAccountMarginTransferType.SpotToMargin)), "-2015");
    }

    [Fact]
    public async Task Futures_transfer_covers_all_four_types()
    {
        Done(await MasterApi.FuturesTransferAsync(new(Alice, "USDT", 50m, SubAccountFuturesTransferType.SpotToUsdtFuture)));
        Done(await MasterApi.FuturesTransferAsync(new(Alice, "USDT", 20m, SubAccountFuturesTransferType.UsdtFutureToSpot)));
        Done(await MasterApi.FuturesTransferAsync(new(Alice, "USDT", 10m, SubAccountFuturesTransferType.SpotToCoinFuture)));
        var last = Done(await MasterApi.FuturesTransferAsync(new(Alice, "USDT", 4m, SubAccountFuturesTransferType.CoinFutureToSpot)));

        Assert.Matches("^[0-9]+$", last.TxnId);
        Assert.Equal((264m, 30m, 6m), (Balance(Alice, "SPOT"), Balance(Alice, "USDT_FUTURE"), Balance(Alice, "COIN_FUTURE")));
        AssertRejected(await MasterApi.FuturesTransferAsync(new(Bob, "USDT", 1m, SubAccountFuturesTransferType.SpotToUsdtFuture)), "-5011");
    }

    [Fact]
    public async Task Futures_internal_transfer_is_listed_for_both_accounts_and_in_the_sub_accounts_view()
    {
        var result = Done(await MasterApi.FuturesInternalTransferAsync(new(Master, Alice, SubAccountFuturesType.UsdtMargined, "USDT", 60m)));
        var coin = Done(await MasterApi.FuturesInternalTransferAsync(new(Master, Alice, SubAccountFuturesType.CoinMargined, "BTC", 0.25m)));

        Assert.True(result.Success);
        Assert.Equal((440m, 60m, 0.25m), (Balance(Master, "USDT_FUTURE"), Balance(Alice, "USDT_FUTURE"), Balance(Alice, "COIN_FUTURE", "BTC")));
        foreach (var email in new[] { Master, Alice })
        {
            var page = Done(await MasterApi.GetFuturesInternalTransferHistoryAsync(new(email, SubAccountFuturesType.UsdtMargined)));
            var row = Assert.Single(page.Transfers);
            Assert.Equal((result.TxnId, Master, Alice, 60m, 1), (row.TranId.ToString(System.Globalization.CultureInfo.InvariantCulture), row.From, row.To, row.Qty, page.FuturesType));
        }
        Assert.Equal(coin.TxnId, Assert.Single(Done(await MasterApi.GetFuturesInternalTransferHistoryAsync(new(Alice, SubAccountFuturesType.CoinMargined))).Transfers).TranId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var aliceIn = Done(await AliceApi.GetUserTransferHistoryAsync(new() { Type = SubAccountTransferDirection.In, Asset = "USDT" }));
        Assert.Equal(("USDT_FUTURE", "USDT_FUTURE"), (Assert.Single(aliceIn).FromAccountType, aliceIn[0].ToAccountType));

        AssertRejected(await MasterApi.FuturesInternalTransferAsync(new(Master, Bob, SubAccountFuturesType.UsdtMargined, "USDT", 1m)), "-5011");
        AssertRejected(await MasterApi.FuturesInternalTransferAsync(new(Alice, Master, SubAccountFuturesType.UsdtMargined, "USDT", 1000m)), "-5002");
    }

    [Fact]
    public async Task Sub_to_master_and_sub_to_sub_use_the_sub_accounts_key_and_show_in_both_views()
    {
        var toMaster = Done(await AliceApi.TransferToMasterAsync(new("USDT", 30m)));
        var toBob = Done(await AliceApi.TransferToSubAccountAsync(new(Bob, "USDT", 20m)));

        Assert.Equal((250m, 1030m, 30m), (Balance(Alice, "SPOT"), Balance(Master, "SPOT"), Balance(Bob, "SPOT")));
        var masterIn = Assert.Single(Done(await MasterApi.GetSpotTransferHistoryAsync(new() { ToEmail = Master })));
        Assert.Equal((toMaster.TxnId, Alice), (masterIn.TranId.ToString(System.Globalization.CultureInfo.InvariantCulture), masterIn.From));
        var fromAlice = Done(await MasterApi.GetSpotTransferHistoryAsync(new() { FromEmail = Alice }));
        Assert.Equal([toBob.TxnId, toMaster.TxnId], fromAlice.Select(r => r.TranId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var aliceOut = Done(await AliceApi.GetUserTransferHistoryAsync(new SubAccountUserHistoryQuery()));
        Assert.Equal([(toBob.TxnId, "subAccount", Bob), (toMaster.TxnId, "master", Master)],
            aliceOut.Select(r => (r.TranId.ToString(System.Globalization.CultureInfo.InvariantCulture), r.CounterParty, r.Email)));
        var bobIn = Assert.Single(Done(await BobApi.GetUserTransferHistoryAsync(new() { Type = SubAccountTransferDirection.In })));
        Assert.Equal(toBob.TxnId, bobIn.TranId.ToString(System.Globalization.CultureInfo.InvariantCulture));

        AssertRejected(await MasterApi.TransferToMasterAsync(new("USDT", 1m)), "-2015");
        AssertRejected(await AliceApi.TransferToSubAccountAsync(new("stranger@example.com", "USDT", 1m)), "-5021");
        AssertRejected(await AliceApi.TransferToSubAccountAsync(new(Alice, "USDT", 1m)), "-5010");
        AssertRejected(await BobApi.TransferToMasterAsync(new("USDT", 31m)), "-5002");
        AssertRejected(await AliceApi.GetSpotTransferHistoryAsync(new()), "-2015");
        AssertRejected(await MasterApi.GetUserTransferHistoryAsync(new()), "-2015");
    }
}
