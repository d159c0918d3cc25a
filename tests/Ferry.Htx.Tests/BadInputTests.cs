using Ferry.Htx.Accounts;
using Ferry.Htx.Swap;
using Ferry.Htx.Tests.Support;
using Ferry.Htx.Transfers;
using Ferry.Core.Outcomes;

namespace Ferry.Htx.Tests;

/// <summary>Bad input ends NotSent InvalidInput with one sentence, and nothing reaches the wire.</summary>
public sealed class BadInputTests : IDisposable
{
    private readonly HtxTestClients _clients = new();

    public void Dispose() => _clients.Dispose();

    [Theory]
    [InlineData(HtxTransferAccount.Spot, HtxTransferAccount.LinearSwap, "USDT", "1.123456789", "USDT", "has 9 decimal places; HTX accepts at most 8")]
    [InlineData(HtxTransferAccount.Spot, HtxTransferAccount.LinearSwap, "USDT", "0", "USDT", "must be more than zero")]
    [InlineData(HtxTransferAccount.Spot, HtxTransferAccount.LinearSwap, "USDT", "-1", "USDT", "must be more than zero")]
    [InlineData(HtxTransferAccount.Spot, HtxTransferAccount.Spot, "USDT", "1", "USDT", "both 'spot'")]
    [InlineData(HtxTransferAccount.LinearSwap, HtxTransferAccount.LinearSwap, "USDT", "1", "USDT", "both 'linear-swap'")]
    [InlineData(HtxTransferAccount.Spot, HtxTransferAccount.LinearSwap, "USDT", "1", "BTCUSDT", "is not a USDT-margined account")]
    [InlineData(HtxTransferAccount.Spot, HtxTransferAccount.LinearSwap, "USDT", "1", "BTC-USD", "is not a USDT-margined account")]
    [InlineData(HtxTransferAccount.Spot, HtxTransferAccount.LinearSwap, "USDT", "1", "BTC", "is not a USDT-margined account")]
    [InlineData(HtxTransferAccount.Spot, HtxTransferAccount.LinearSwap, "USDT", "1", "", "margin-account is required")]
    [InlineData(HtxTransferAccount.Spot, HtxTransferAccount.LinearSwap, "US DT", "1", "USDT", "currency 'US DT'")]
    [InlineData(HtxTransferAccount.Spot, HtxTransferAccount.LinearSwap, "", "1", "USDT", "currency is required")]
    [InlineData(HtxTransferAccount.Spot, (HtxTransferAccount)7, "USDT", "1", "USDT", "must each be spot or linear-swap")]
    public async Task Bad_transfers_are_refused_locally(HtxTransferAccount from, HtxTransferAccount to, string currency, string amount, string margin, string expected)
    {
        var outcome = await _clients.Create().Transfers.TransferAsync(
            new SpotSwapTransferRequest(from, to, currency, decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), margin));

        var notSent = Assert.IsType<NotSent<SpotSwapTransferResult>>(outcome);
        Assert.Equal(NotSentReason.InvalidInput, notSent.Reason);
        Assert.Contains(expected, notSent.Message);
        Assert.EndsWith(".", notSent.Message);
        Assert.Empty(_clients.Handler.Requests);
    }

    [Fact]
    public async Task Eight_decimals_and_trailing_zeros_are_accepted()
    {
        _clients.Handler.Enqueue(System.Net.HttpStatusCode.OK, HtxTestClients.Data("doc-transfer-success.json"));
        Assert.IsType<Done<SpotSwapTransferResult>>(await _clients.Create().Transfers.TransferAsync(
            SpotSwapTransferRequest.ToSpot("usdt", 1.123456780000m, "ETH-USDT")));
        Assert.Contains("\"amount\":1.12345678,", _clients.Handler.Requests[0].Body);
        Assert.Contains("\"from\":\"linear-swap\",\"to\":\"spot\"", _clients.Handler.Requests[0].Body);
    }

    [Fact]
    public async Task Bad_queries_are_refused_locally()
    {
        var client = _clients.Create();
        var now = DateTimeOffset.UtcNow;
        Assert.Contains("at most 10 days", ((NotSent<AccountLedgerPage>)await client.Accounts.GetLedgerAsync(new AccountLedgerQuery { StartTime = now.AddDays(-11), EndTime = now })).Message);
        Assert.Contains("endTime must not be before startTime", ((NotSent<AccountLedgerPage>)await client.Accounts.GetLedgerAsync(new AccountLedgerQuery { StartTime = now, EndTime = now.AddDays(-1) })).Message);
        Assert.Contains("limit must be between 1 and 500", ((NotSent<AccountLedgerPage>)await client.Accounts.GetLedgerAsync(new AccountLedgerQuery { Limit = 501 })).Message);
        Assert.Contains("transactTypes", ((NotSent<AccountLedgerPage>)await client.Accounts.GetLedgerAsync(new AccountLedgerQuery { TransactTypes = "trade" })).Message);
        Assert.Contains("positive account id", ((NotSent<Models.HtxAccountBalance>)await client.Accounts.GetBalanceAsync(new AccountBalanceQuery(0))).Message);
        Assert.Contains("contract_code", ((NotSent<IReadOnlyList<Models.HtxIsolatedAccount>>)await client.Swap.GetIsolatedAccountsAsync(new IsolatedAccountInfoQuery("BTCUSDT"))).Message);
        Assert.Contains("margin_account", ((NotSent<IReadOnlyList<Models.HtxCrossAccount>>)await client.Swap.GetCrossAccountsAsync(new CrossAccountInfoQuery("US DT"))).Message);
        Assert.Empty(_clients.Handler.Requests);
    }

    [Theory]
    [InlineData("https://api.binance.com")]
    [InlineData("http://api.huobi.pro")]
    [InlineData("https://api.huobi.pro.evil.example")]
    [InlineData("https://user:pw@api.huobi.pro")]
    [InlineData("https://10.0.0.5")]
    public void Keys_go_only_to_official_hosts_over_https_or_loopback(string address)
    {
        Assert.Throws<ArgumentException>(() => _clients.Create(o => o.SpotBaseAddress = new Uri(address)));
        Assert.Throws<ArgumentException>(() => _clients.Create(o => o.SwapBaseAddress = new Uri(address)));
    }

    [Theory]
    [InlineData("https://api.huobi.pro", "https://api.hbdm.com")]
    [InlineData("https://api-aws.huobi.pro", "https://api.hbdm.com")]
    [InlineData("http://127.0.0.1:5000/", "http://127.0.0.1:5000/")]
    [InlineData("http://localhost:1/", "http://[::1]:2/")]
    public void Official_hosts_and_loopback_are_accepted(string spot, string swap) =>
        _clients.Create(o =>
        {
            o.SpotBaseAddress = new Uri(spot);
            o.SwapBaseAddress = new Uri(swap);
        });

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public void The_transfer_rate_must_be_sane(int perSecond) =>
        Assert.Throws<ArgumentException>(() => _clients.Create(o => o.TransfersPerSecond = perSecond));
}
