using System.Net;
using Ferry.Htx.Accounts;
using Ferry.Htx.Models;
using Ferry.Htx.Swap;
using Ferry.Htx.Tests.Support;
using Ferry.Htx.Transfers;
using Ferry.Core.Outcomes;

namespace Ferry.Htx.Tests;

/// <summary>The three envelopes, HTTP statuses and transport failures map to the same four outcomes as Binance.</summary>
public sealed class OutcomeMappingTests : IDisposable
{
    private readonly HtxTestClients _clients = new();

    public void Dispose() => _clients.Dispose();

    private Task<Outcome<SpotSwapTransferResult>> TransferAsync(HtxClient client) =>
        client.Transfers.TransferAsync(SpotSwapTransferRequest.ToSwap("USDT", 10m, "USDT"));

    [Fact]
    public async Task V2_success_is_done_with_the_transfer_id()
    {
        _clients.Handler.Enqueue(HttpStatusCode.OK, HtxTestClients.Data("doc-transfer-success.json"));
        var done = Assert.IsType<Done<SpotSwapTransferResult>>(await TransferAsync(_clients.Create()));
        Assert.Equal(176104252L, done.Value.TransferId);
    }

    [Fact]
    public async Task Every_request_names_Ferry_and_where_to_read_about_it()
    {
        _clients.Handler.Enqueue(HttpStatusCode.OK, HtxTestClients.Data("doc-transfer-success.json"));
        await TransferAsync(_clients.Create());
        var userAgent = Assert.Single(_clients.Handler.Requests).UserAgent;
        Assert.Equal(Ferry.Core.Product.FerryProduct.UserAgent, userAgent);
        Assert.Matches(@"^ferry/\d+\.\d+\.\d+ \(\+https://\S+\)$", userAgent);
    }

    [Theory]
    [InlineData("""{"code":1303,"data":null,"message":"The single transfer-out amount must be no less than 0.0008BTC","success":false}""", "1303", "The single transfer-out amount must be no less than 0.0008BTC")]
    [InlineData("""{"code":1301,"data":null,"message":"Insufficient amount available.","success":false}""", "1301", "Insufficient amount available.")]
    [InlineData("""{"code":1331,"data":null,"message":"Exceeds limit of transfer accuracy (8 digits). Please modify it.","success":false}""", "1331", "Exceeds limit of transfer accuracy (8 digits). Please modify it.")]
    [InlineData("""{"code":513,"message":"Invalid signature","success":false}""", "513", "Invalid signature")]
    [InlineData("""{"status":"error","err-code":"api-signature-not-valid","err-msg":"Signature not valid: Incorrect Access key [Access key错误]","data":null}""", "api-signature-not-valid", "Signature not valid: Incorrect Access key [Access key错误]")]
    public async Task V2_and_gateway_errors_are_rejected_with_code_and_message_as_sent(string body, string code, string message)
    {
        _clients.Handler.Enqueue(HttpStatusCode.OK, body);
        var rejected = Assert.IsType<Rejected<SpotSwapTransferResult>>(await TransferAsync(_clients.Create()));
        Assert.Equal((200, code, message), (rejected.Error.HttpStatus, rejected.Error.Code, rejected.Error.Message));
    }

    [Theory]
    [InlineData("""{"code":500,"data":null,"message":"System error","success":false}""")]
    [InlineData("""{"code":1030,"data":null,"message":"Abnormal service. Please try again later.","success":false}""")]
    [InlineData("""{"code":200,"data":null,"message":"Succeed","success":true}""")]
    [InlineData("""{"code":200,"data":"abc","message":"Succeed","success":true}""")]
    [InlineData("""<html>gateway</html>""")]
    [InlineData("")]
    public async Task Answers_that_do_not_say_whether_it_executed_are_unknown(string body)
    {
        _clients.Handler.Enqueue(HttpStatusCode.OK, body);
        Assert.IsType<Unknown<SpotSwapTransferResult>>(await TransferAsync(_clients.Create()));
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    [InlineData(HttpStatusCode.RequestTimeout)]
    [InlineData(HttpStatusCode.Found)]
    public async Task Server_errors_timeouts_and_redirects_are_unknown(HttpStatusCode status)
    {
        _clients.Handler.Enqueue(status, "");
        var unknown = Assert.IsType<Unknown<SpotSwapTransferResult>>(await TransferAsync(_clients.Create()));
        Assert.Equal((int)status, unknown.HttpStatus);
    }

    [Fact]
    public async Task A_4xx_without_an_envelope_is_rejected_naming_the_status()
    {
        _clients.Handler.Enqueue(HttpStatusCode.Forbidden, "<html>denied</html>");
        var rejected = Assert.IsType<Rejected<SpotSwapTransferResult>>(await TransferAsync(_clients.Create()));
        Assert.Equal((403, ""), (rejected.Error.HttpStatus, rejected.Error.Code));
        Assert.Contains("HTTP 403", rejected.Error.Message);
    }

    [Fact]
    public async Task Http_429_is_rejected_and_holds_the_budget_back()
    {
        _clients.Handler.Enqueue(HttpStatusCode.TooManyRequests, """{"code":429,"data":null,"message":"too many requests","success":false}""");
        var client = _clients.Create(o => o.TransfersPerSecond = 10);
        var rejected = Assert.IsType<Rejected<SpotSwapTransferResult>>(await TransferAsync(client));
        Assert.Equal("429", rejected.Error.Code);
        Assert.NotNull(client.Limiter.GetUsage(HtxEndpoints.SpotSwapTransfer).BlockedUntil);
    }

    [Fact]
    public async Task A_timeout_after_sending_is_unknown_and_nothing_is_resent()
    {
        _clients.Handler.Enqueue(_ => throw new TaskCanceledException("timed out"));
        var unknown = Assert.IsType<Unknown<SpotSwapTransferResult>>(await TransferAsync(_clients.Create()));
        Assert.Contains("may have executed", unknown.Message);
        Assert.Single(_clients.Handler.Requests);
    }

    [Fact]
    public async Task A_refused_connection_is_not_sent()
    {
        _clients.Handler.Enqueue(_ => throw new HttpRequestException("refused", new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.ConnectionRefused)));
        var notSent = Assert.IsType<NotSent<SpotSwapTransferResult>>(await TransferAsync(_clients.Create()));
        Assert.Equal(NotSentReason.Unreachable, notSent.Reason);
    }

    [Fact]
    public async Task Cancelled_before_sending_is_not_sent()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        var notSent = Assert.IsType<NotSent<SpotSwapTransferResult>>(
            await _clients.Create().Transfers.TransferAsync(SpotSwapTransferRequest.ToSwap("USDT", 1m, "USDT"), cts.Token));
        Assert.Equal(NotSentReason.Cancelled, notSent.Reason);
        Assert.Empty(_clients.Handler.Requests);
    }

    [Fact]
    public async Task V1_envelopes_map_to_done_and_rejected()
    {
        _clients.Handler.Enqueue(HttpStatusCode.OK, HtxTestClients.Data("doc-accounts.json"))
            .Enqueue(HttpStatusCode.OK, """{"status":"error","err-code":"login-required","err-msg":"Signature does not exist","data":null}""")
            .Enqueue(HttpStatusCode.OK, HtxTestClients.Data("doc-balance.json"));
        var client = _clients.Create();

        Assert.Equal(100009L, Assert.IsType<Done<IReadOnlyList<HtxAccount>>>(await client.Accounts.GetAccountsAsync()).Value[0].Id);
        var rejected = Assert.IsType<Rejected<HtxAccountBalance>>(await client.Accounts.GetBalanceAsync(new AccountBalanceQuery(100009)));
        Assert.Equal(("login-required", "Signature does not exist"), (rejected.Error.Code, rejected.Error.Message));
        Assert.Equal(2, Assert.IsType<Done<HtxAccountBalance>>(await client.Accounts.GetBalanceAsync(new AccountBalanceQuery(100009))).Value.List.Count);
        Assert.Equal("/v1/account/accounts/100009/balance", _clients.Handler.Requests[2].Uri.AbsolutePath);
    }

    [Fact]
    public async Task Swap_envelopes_map_to_done_and_rejected_and_go_to_the_swap_host()
    {
        _clients.Handler.Enqueue(HttpStatusCode.OK, HtxTestClients.Data("doc-swap-cross-account-info.json"))
            .Enqueue(HttpStatusCode.OK, """{"status":"error","err_code":12008,"err_msg":"Verification failed.","ts":1606906200680}""")
            .Enqueue(HttpStatusCode.OK, HtxTestClients.Data("doc-swap-account-info.json"));
        var client = _clients.Create();

        Assert.Equal(200.5m, Assert.Single(Assert.IsType<Done<IReadOnlyList<HtxCrossAccount>>>(await client.Swap.GetCrossAccountsAsync(new CrossAccountInfoQuery("USDT"))).Value).MarginBalance);
        var rejected = Assert.IsType<Rejected<IReadOnlyList<HtxIsolatedAccount>>>(await client.Swap.GetIsolatedAccountsAsync());
        Assert.Equal(("12008", "Verification failed."), (rejected.Error.Code, rejected.Error.Message));
        Assert.IsType<Done<IReadOnlyList<HtxIsolatedAccount>>>(await client.Swap.GetIsolatedAccountsAsync(new IsolatedAccountInfoQuery("BTC-USDT")));

        Assert.All(_clients.Handler.Requests, r => Assert.Equal("api.hbdm.com", r.Uri.Host));
        Assert.Equal("""{"margin_account":"USDT"}""", _clients.Handler.Requests[0].Body);
        Assert.Equal("{}", _clients.Handler.Requests[1].Body);
        Assert.Equal("""{"contract_code":"BTC-USDT"}""", _clients.Handler.Requests[2].Body);
    }

    [Fact]
    public async Task Swap_1032_is_rejected_and_holds_the_shared_swap_budget_back()
    {
        _clients.Handler.Enqueue(HttpStatusCode.OK, """{"status":"error","err_code":1032,"err_msg":"The number of access exceeded the limit.","ts":1}""");
        var client = _clients.Create();
        Assert.Equal("1032", Assert.IsType<Rejected<IReadOnlyList<HtxCrossAccount>>>(await client.Swap.GetCrossAccountsAsync()).Error.Code);
        Assert.NotNull(client.Limiter.GetUsage(HtxEndpoints.SwapIsolatedAccountInfo).BlockedUntil);
    }

    [Fact]
    public async Task The_ledger_follows_next_id_until_the_last_page()
    {
        _clients.Handler
            .Enqueue(HttpStatusCode.OK, """{"code":200,"message":"success","data":[{"accountId":1,"currency":"usdt","transactAmt":-5,"transactType":"transfer","transferType":"spot-to-linear-swap","transactId":9,"transactTime":1700000000000,"transferer":1,"transferee":2}],"nextId":8}""")
            .Enqueue(HttpStatusCode.OK, """{"code":200,"message":"success","data":[{"accountId":1,"currency":"usdt","transactAmt":5,"transactType":"transfer","transferType":"linear-swap-to-spot","transactId":8,"transactTime":1699999999000,"transferer":2,"transferee":1}]}""");
        var rows = Assert.IsType<Done<IReadOnlyList<HtxLedgerRow>>>(await _clients.Create().Accounts.GetAllLedgerAsync(new AccountLedgerQuery { AccountId = 1, Limit = 1 })).Value;
        Assert.Equal([9L, 8L], rows.Select(r => r.TransactId));
        Assert.Equal("8", _clients.Handler.Requests[1].QueryValue("fromId"));
    }
}
