using Ferry.Core.Http;
using Ferry.Htx.Accounts;
using Ferry.Htx.Tests.Support;
using Ferry.Htx.Transfers;

namespace Ferry.Htx.Tests;

/// <summary>A request's public list of wire parameters is read from what it writes: a POST's JSON body, a GET's query.</summary>
public sealed class WireParametersTests : IDisposable
{
    private readonly HtxTestClients _clients = new();

    public void Dispose() => _clients.Dispose();

    [Fact]
    public async Task A_transfer_lists_its_body_as_sent()
    {
        IWireRequest request = SpotSwapTransferRequest.ToSpot("USDT", 1.50m, "btc-usdt");
        _clients.Handler.Enqueue(System.Net.HttpStatusCode.OK, HtxTestClients.Data("doc-transfer-success.json"));

        await _clients.Create().Transfers.TransferAsync((SpotSwapTransferRequest)request);

        Assert.Equal(
            [new("from", "linear-swap"), new("to", "spot"), new("currency", "usdt"), new("amount", "1.5"), new("margin-account", "BTC-USDT")],
            request.WireParameters());
        Assert.Equal("{\"from\":\"linear-swap\",\"to\":\"spot\",\"currency\":\"usdt\",\"amount\":1.5,\"margin-account\":\"BTC-USDT\"}",
            _clients.Handler.Requests[0].Body);
    }

    [Fact]
    public void A_query_lists_its_query_parameters()
    {
        IWireRequest query = new AccountLedgerQuery { AccountId = 12345, Currency = "USDT" };

        Assert.Equal([new("accountId", "12345"), new("currency", "usdt"), new("transactTypes", "transfer")], query.WireParameters());
    }
}
