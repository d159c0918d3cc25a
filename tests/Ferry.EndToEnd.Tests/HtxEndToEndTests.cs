using Ferry.Core.Credentials;
using Ferry.Htx;
using Ferry.Htx.Accounts;
using Ferry.Htx.Models;
using Ferry.Htx.Swap;
using Ferry.Htx.Transfers;
using Ferry.Core.Outcomes;
using Ferry.Simulator;
using Microsoft.Extensions.Time.Testing;
using Ferry.Simulator.Scenario;

namespace Ferry.EndToEnd.Tests;

/// <summary>
/// The typed HTX client against the simulator's HTX side over loopback: two independent implementations of HTX's
/// docs. The simulator's clock is frozen and moved by the tests (its transfer bucket is 1 per second); after each
/// test the ledger audits clean and the totals equal the seed.
/// </summary>
public sealed class HtxEndToEndTests : IAsyncLifetime
{
    private const string Trader = "trader@example.com";
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private SimulatorHost _host = null!;
    private IReadOnlyDictionary<string, decimal> _seeded = new Dictionary<string, decimal>();
    private readonly List<HtxClient> _clients = [];

    public async Task InitializeAsync()
    {
        var scenario = ScenarioDocument.Parse("""
            {"binance": {"master": "master@example.com",
               "balances": [{"owner": "master@example.com", "wallet": "SPOT", "asset": "USDT", "amount": "10"}]},
             "htx": {
               "users": [{"email": "trader@example.com", "spotAccountId": 7000}, {"email": "reader@example.com"}],
               "apiKeys": [
                 {"owner": "trader@example.com", "accessKey": "e2e-htx-key", "secretKey": "e2e-htx-secret", "permissions": ["read", "trade"]},
                 {"owner": "reader@example.com", "accessKey": "e2e-htx-read", "secretKey": "e2e-htx-read-secret", "permissions": ["read"]}],
               "balances": [
                 {"owner": "trader@example.com", "account": "spot", "currency": "USDT", "amount": "1000"},
                 {"owner": "trader@example.com", "account": "spot", "type": "frozen", "currency": "USDT", "amount": "15"},
                 {"owner": "trader@example.com", "account": "spot", "currency": "BTC", "amount": "0.25"},
                 {"owner": "trader@example.com", "account": "linear-swap", "marginAccount": "USDT", "currency": "USDT", "amount": "100"},
                 {"owner": "trader@example.com", "account": "linear-swap", "marginAccount": "ETH-USDT", "currency": "USDT", "amount": "40"}],
               "minimums": [{"currency": "USDT", "amount": "1"}]}}
            """);
        _host = await SimulatorHost.StartAsync(new SimulatorOptions { Scenario = scenario, Time = _clock });
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

    private HtxClient Client(string key = "e2e-htx-key", string secret = "e2e-htx-secret")
    {
        // The simulator is one loopback address for both HTX hosts; the client limit is lifted so the simulator's own
        // 1-per-second bucket is what the tests see.
        var client = new HtxClient(new ApiCredentials(key, new SecretText(secret), SigningKind.Hmac),
            new HtxClientOptions { SpotBaseAddress = _host.BaseAddress, SwapBaseAddress = _host.BaseAddress, TransfersPerSecond = 100 });
        _clients.Add(client);
        return client;
    }

    private async Task<Outcome<SpotSwapTransferResult>> TransferAsync(HtxClient client, SpotSwapTransferRequest request)
    {
        var outcome = await client.Transfers.TransferAsync(request);
        _clock.Advance(TimeSpan.FromSeconds(1));
        return outcome;
    }

    private decimal Balance(string wallet, string? symbol = null, string asset = "USDT") =>
        _host.Balances(Trader).Where(b => b.Wallet == wallet && b.Symbol == symbol && b.Asset == asset).Sum(b => b.Amount);

    [Fact]
    public async Task Cross_transfers_both_ways_move_money_and_the_ledger_lists_them()
    {
        var client = Client();
        var into = Assert.IsType<Done<SpotSwapTransferResult>>(await TransferAsync(client, SpotSwapTransferRequest.ToSwap("USDT", 250.5m, "USDT")));
        var back = Assert.IsType<Done<SpotSwapTransferResult>>(await TransferAsync(client, SpotSwapTransferRequest.ToSpot("usdt", 50.25m, "USDT")));
        Assert.Equal((799.75m, 300.25m), (Balance("HTX_SPOT"), Balance("HTX_SWAP_CROSS")));

        var ledger = Assert.IsType<Done<IReadOnlyList<HtxLedgerRow>>>(await client.Accounts.GetAllLedgerAsync(new AccountLedgerQuery { AccountId = 7000 })).Value;
        Assert.Equal([back.Value.TransferId, into.Value.TransferId], ledger.Select(r => r.TransactId));
        Assert.Equal([(50.25m, "linear-swap-to-spot"), (-250.5m, "spot-to-linear-swap")], ledger.Select(r => (r.TransactAmt, r.TransferType!)));
        Assert.All(ledger, r => Assert.Equal("usdt", r.Currency));
    }

    [Fact]
    public async Task Isolated_transfers_both_ways_use_the_contracts_margin_account()
    {
        var client = Client();
        Assert.IsType<Done<SpotSwapTransferResult>>(await TransferAsync(client, SpotSwapTransferRequest.ToSwap("USDT", 60m, "BTC-USDT")));
        Assert.IsType<Done<SpotSwapTransferResult>>(await TransferAsync(client, SpotSwapTransferRequest.ToSpot("USDT", 40m, "ETH-USDT")));
        Assert.Equal((60m, 0m, 980m, 100m), (Balance("HTX_SWAP_ISOLATED", "BTC-USDT"), Balance("HTX_SWAP_ISOLATED", "ETH-USDT"), Balance("HTX_SPOT"), Balance("HTX_SWAP_CROSS")));
    }

    [Fact]
    public async Task Balances_from_all_four_endpoints_agree_with_the_ledger()
    {
        var client = Client();
        Assert.True((await TransferAsync(client, SpotSwapTransferRequest.ToSwap("USDT", 33m, "BTC-USDT"))).IsDone);

        var spot = Assert.Single(Assert.IsType<Done<IReadOnlyList<HtxAccount>>>(await client.Accounts.GetAccountsAsync()).Value);
        Assert.Equal((7000L, "spot"), (spot.Id, spot.Type));
        var balance = Assert.IsType<Done<HtxAccountBalance>>(await client.Accounts.GetBalanceAsync(new AccountBalanceQuery(spot.Id))).Value;
        decimal Row(string currency, string type) => balance.List.Single(r => r.Currency == currency && r.Type == type).Balance;
        Assert.Equal(Balance("HTX_SPOT"), Row("usdt", "trade"));
        Assert.Equal(Balance("HTX_SPOT_FROZEN"), Row("usdt", "frozen"));
        Assert.Equal(Balance("HTX_SPOT", asset: "BTC"), Row("btc", "trade"));

        var isolated = Assert.IsType<Done<IReadOnlyList<HtxIsolatedAccount>>>(await client.Swap.GetIsolatedAccountsAsync()).Value;
        foreach (var account in isolated)
        {
            Assert.Equal(Balance("HTX_SWAP_ISOLATED", account.ContractCode), account.MarginBalance);
            Assert.Equal(account.MarginBalance, account.WithdrawAvailable);
        }
        Assert.Equal(["BTC-USDT", "ETH-USDT"], isolated.Select(a => a.ContractCode));

        var cross = Assert.Single(Assert.IsType<Done<IReadOnlyList<HtxCrossAccount>>>(await client.Swap.GetCrossAccountsAsync(new CrossAccountInfoQuery("USDT"))).Value);
        Assert.Equal(Balance("HTX_SWAP_CROSS"), cross.MarginBalance);

        var sum = Row("usdt", "trade") + Row("usdt", "frozen") + isolated.Sum(a => a.MarginBalance) + cross.MarginBalance;
        Assert.Equal(_host.Totals()["USDT"] - 10m, sum);
    }

    [Fact]
    public async Task Exchange_refusals_come_back_rejected_with_htxs_codes_and_nothing_moves()
    {
        var client = Client();
        Assert.Equal(("1301", "Insufficient amount available."), Error(await TransferAsync(client, SpotSwapTransferRequest.ToSwap("USDT", 5000m, "USDT"))));
        Assert.Equal(("1303", "The single transfer-out amount must be no less than 1USDT"), Error(await TransferAsync(client, SpotSwapTransferRequest.ToSwap("USDT", 0.5m, "USDT"))));
        Assert.Equal(("1013", "This contract type doesn't exist."), Error(await TransferAsync(client, SpotSwapTransferRequest.ToSwap("USDT", 5m, "XRP-USDT"))));
        Assert.Equal(("10002", "This transfer is not supported"), Error(await TransferAsync(client, SpotSwapTransferRequest.ToSwap("BTC", 0.1m, "USDT"))));
        Assert.Equal(("403", "Access denied"), Error(await TransferAsync(Client("e2e-htx-read", "e2e-htx-read-secret"), SpotSwapTransferRequest.ToSwap("USDT", 5m, "USDT"))));
        Assert.Equal((1000m, 100m), (Balance("HTX_SPOT"), Balance("HTX_SWAP_CROSS")));
    }

    [Fact]
    public async Task A_wrong_secret_is_rejected_in_each_envelope()
    {
        var client = Client(secret: "not-the-secret");
        Assert.Equal(("513", "Invalid signature"), Error(await TransferAsync(client, SpotSwapTransferRequest.ToSwap("USDT", 5m, "USDT"))));
        var v1 = Assert.IsType<Rejected<IReadOnlyList<HtxAccount>>>(await client.Accounts.GetAccountsAsync()).Error;
        Assert.Equal("api-signature-not-valid", v1.Code);
        var swap = Assert.IsType<Rejected<IReadOnlyList<HtxCrossAccount>>>(await client.Swap.GetCrossAccountsAsync()).Error;
        Assert.Equal(("12008", "Verification failed."), (swap.Code, swap.Message));
        Assert.Equal(1000m, Balance("HTX_SPOT"));
    }

    [Fact]
    public async Task A_client_clock_off_by_more_than_a_minute_is_refused()
    {
        var client = Client();
        _clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(("513", "Invalid signature"), Error(await TransferAsync(client, SpotSwapTransferRequest.ToSwap("USDT", 5m, "USDT"))));
        Assert.Equal("12001", Assert.IsType<Rejected<IReadOnlyList<HtxIsolatedAccount>>>(await client.Swap.GetIsolatedAccountsAsync()).Error.Code);
    }

    [Fact]
    public async Task The_simulators_one_per_second_answers_429_and_the_client_holds_back()
    {
        var client = Client();
        Assert.True((await client.Transfers.TransferAsync(SpotSwapTransferRequest.ToSwap("USDT", 5m, "USDT"))).IsDone);
        var second = Assert.IsType<Rejected<SpotSwapTransferResult>>(await client.Transfers.TransferAsync(SpotSwapTransferRequest.ToSwap("USDT", 5m, "USDT")));
        Assert.Equal((429, "429"), (second.Error.HttpStatus, second.Error.Code));
        Assert.NotNull(client.Limiter.GetUsage(HtxEndpoints.SpotSwapTransfer).BlockedUntil);
        Assert.Equal(995m, Balance("HTX_SPOT"));
    }

    [Fact]
    public async Task Bad_input_sends_nothing()
    {
        var client = Client();
        Assert.IsType<NotSent<SpotSwapTransferResult>>(await client.Transfers.TransferAsync(SpotSwapTransferRequest.ToSwap("USDT", 1.123456789m, "USDT")));
        Assert.IsType<NotSent<SpotSwapTransferResult>>(await client.Transfers.TransferAsync(SpotSwapTransferRequest.ToSwap("USDT", 1m, "BTCUSDT")));
        Assert.IsType<NotSent<SpotSwapTransferResult>>(await client.Transfers.TransferAsync(new SpotSwapTransferRequest(HtxTransferAccount.Spot, HtxTransferAccount.Spot, "USDT", 1m, "USDT")));
        // Nothing reached the simulator: its 1-per-second transfer bucket is still unused.
        Assert.True((await client.Transfers.TransferAsync(SpotSwapTransferRequest.ToSwap("USDT", 1m, "USDT"))).IsDone);
    }

    private static (string Code, string Message) Error<T>(Outcome<T> outcome)
    {
        var rejected = Assert.IsType<Rejected<T>>(outcome);
        return (rejected.Error.Code, rejected.Error.Message);
    }}
