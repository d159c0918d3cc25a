using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;
using Ferry.Binance.Models;
using Ferry.Binance.SubAccount;
using Ferry.Binance.Tests.Support;
using Ferry.Core.Outcomes;

namespace Ferry.Binance.Tests;

/// <summary>The sub-account API: documented examples parse with no field left over, the wire shape, and bad input
/// that ends NotSent InvalidInput with one sentence and nothing sent.</summary>
public sealed class SubAccountApiTests : IDisposable
{
    private static readonly JsonSerializerOptions Strict = new(BinanceJsonContext.Default.Options)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    private readonly TestClients _clients = new();

    public void Dispose() => _clients.Dispose();

    private static T Parse<T>(string file) =>
        JsonSerializer.Deserialize<T>(TestClients.Data(file), Strict) ?? throw new InvalidOperationException("null");

    [Theory]
    [InlineData("doc-sub-margin-transfer-post.json")]
    [InlineData("doc-sub-futures-transfer-post.json")]
    [InlineData("doc-sub-to-master-post.json")]
    [InlineData("doc-sub-to-sub-post.json")]
    public void Legacy_transfer_examples_parse_with_a_string_txnId(string file) =>
        Assert.Equal("2966662589", Parse<SubAccountTransferResult>(file).TxnId);

    [Fact]
    public void Universal_transfer_example_parses_with_a_numeric_tranId()
    {
        var result = Parse<SubAccountUniversalTransferResult>("doc-sub-universal-transfer-post.json");
        Assert.Equal((11945860693L, "test"), (result.TranId, result.ClientTranId));
    }

    [Fact]
    public void Universal_transfer_history_example_parses()
    {
        var page = Parse<SubAccountUniversalTransferPage>("doc-sub-universal-transfer-get.json");
        Assert.Equal(1, page.TotalCount);
        var row = Assert.Single(page.Result);
        Assert.Equal((92275823339L, "abctest@gmail.com", "deftest@gmail.com", "BNB", 0.01m), (row.TranId, row.FromEmail, row.ToEmail, row.Asset, row.Amount));
        Assert.Equal(("USDT_FUTURE", "SPOT", "SUCCESS", "test"), (row.FromAccountType, row.ToAccountType, row.Status, row.ClientTranId));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1640317374000), row.CreateTimeStamp);
    }

    [Fact]
    public void Futures_internal_transfer_examples_parse()
    {
        var post = Parse<SubAccountFuturesInternalTransferResult>("doc-sub-futures-internal-transfer-post.json");
        Assert.Equal((true, "2934662589"), (post.Success, post.TxnId));

        var page = Parse<SubAccountFuturesInternalTransferPage>("doc-sub-futures-internal-transfer-get.json");
        Assert.Equal((true, 2, 2), (page.Success, page.FuturesType, page.Transfers.Count));
        Assert.Equal(("aaa@test.com", "bbb@test.com", "BTC", 1m, 11897001102L), (page.Transfers[0].From, page.Transfers[0].To, page.Transfers[0].Asset, page.Transfers[0].Qty, page.Transfers[0].TranId));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1544433328000), page.Transfers[1].Time);
    }

    [Fact]
    public void Spot_transfer_history_example_is_an_array()
    {
        var rows = Parse<IReadOnlyList<SubAccountSpotTransferRow>>("doc-sub-spot-transfer-history-get.json");
        Assert.Equal(2, rows.Count);
        Assert.Equal(("aaa@test.com", "bbb@test.com", "BTC", 10m, "SUCCESS", 6489943656L), (rows[0].From, rows[0].To, rows[0].Asset, rows[0].Qty, rows[0].Status, rows[0].TranId));
    }

    [Fact]
    public void Sub_user_history_example_is_an_array()
    {
        var rows = Parse<IReadOnlyList<SubAccountUserTransferRow>>("doc-sub-user-history-get.json");
        Assert.Equal(2, rows.Count);
        Assert.Equal(("master", "master@test.com", 1, "BTC", 1m, "SPOT", "SPOT"), (rows[0].CounterParty, rows[0].Email, rows[0].Type, rows[0].Asset, rows[0].Qty, rows[0].FromAccountType, rows[0].ToAccountType));
        Assert.Equal(("subAccount", "COIN_FUTURE", 11798829519L), (rows[1].CounterParty, rows[1].ToAccountType, rows[1].TranId));
    }

    [Theory]
    [InlineData("{\"txnId\":2966662589}", "2966662589")]
    [InlineData("{\"txnId\":\"17\"}", "17")]
    public void A_txnId_is_read_as_text_whether_quoted_or_not(string json, string expected) =>
        Assert.Equal(expected, JsonSerializer.Deserialize(json, BinanceJsonContext.Default.SubAccountTransferResult)!.TxnId);

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"txnId\":\"\"}")]
    [InlineData("{\"txnId\":\"12a\"}")]
    [InlineData("{\"txnId\":1.5}")]
    public void A_transfer_answer_without_a_usable_txnId_does_not_parse(string json) =>
        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize(json, BinanceJsonContext.Default.SubAccountTransferResult));

    [Fact]
    public async Task Universal_transfer_always_sends_a_clientTranId_and_answers_the_numeric_id()
    {
        var client = _clients.Hmac();
        _clients.Handler.Enqueue(HttpStatusCode.OK, "{\"tranId\":11945860693,\"clientTranId\":\"x\"}");
        var request = new SubAccountUniversalTransferRequest(SubAccountAccountType.Spot, SubAccountAccountType.UsdtFuture, "USDT", 5m)
        {
            ToEmail = "alice@example.com",
        };

        var outcome = await client.SubAccount.UniversalTransferAsync(request);

        Assert.Equal(11945860693L, Assert.IsType<Done<SubAccountUniversalTransferResult>>(outcome).Value.TranId);
        var sent = Assert.Single(_clients.Handler.Calls);
        Assert.Equal("https://api.binance.com/sapi/v1/sub-account/universalTransfer", sent.Uri.ToString());
        Assert.StartsWith(
            $"toEmail=alice%40example.com&fromAccountType=SPOT&toAccountType=USDT_FUTURE&clientTranId={request.ClientTranId}&asset=USDT&amount=5&recvWindow=",
            sent.Body, StringComparison.Ordinal);
        Assert.Matches("^ferry[0-9a-f]{24}$", request.ClientTranId);
        Assert.NotEqual(request.ClientTranId, new SubAccountUniversalTransferRequest(SubAccountAccountType.Spot, SubAccountAccountType.Margin, "USDT", 1m).ClientTranId);
    }

    [Fact]
    public async Task Legacy_transfers_send_the_numeric_type_and_read_a_string_id()
    {
        var client = _clients.Hmac();
        _clients.Handler.Enqueue(HttpStatusCode.OK, "{\"txnId\":\"2966662589\"}");

        var outcome = await client.SubAccount.FuturesTransferAsync(
            new SubAccountFuturesTransferRequest("alice@example.com", "USDT", 1.5m, SubAccountFuturesTransferType.CoinFutureToSpot));

        Assert.Equal("2966662589", Assert.IsType<Done<SubAccountTransferResult>>(outcome).Value.TxnId);
        var sent = Assert.Single(_clients.Handler.Calls);
        Assert.Equal("/sapi/v1/sub-account/futures/transfer", sent.Path);
        Assert.StartsWith("email=alice%40example.com&asset=USDT&amount=1.5&type=4&recvWindow=", sent.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Find_by_clientTranId_asks_for_that_id_and_returns_null_when_none_is_listed()
    {
        var client = _clients.Hmac();
        _clients.Handler.Enqueue(HttpStatusCode.OK, "{\"result\":[],\"totalCount\":0}");

        var outcome = await client.SubAccount.FindUniversalTransferAsync("ferry-abc");

        Assert.Null(Assert.IsType<Done<SubAccountUniversalTransferRow?>>(outcome).Value);
        var sent = Assert.Single(_clients.Handler.Calls);
        Assert.Equal(HttpMethod.Get, sent.Method);
        Assert.StartsWith("clientTranId=ferry-abc&recvWindow=", sent.Query, StringComparison.Ordinal);
    }

    [Fact]
    public void The_endpoint_table_has_the_documented_weights_for_the_sub_account_rows()
    {
        Assert.Equal((1, 360, KeyPermission.InternalTransfer), (BinanceEndpoints.SubAccountUniversalTransfer.IpWeight,
            BinanceEndpoints.SubAccountUniversalTransfer.UidWeight, BinanceEndpoints.SubAccountUniversalTransfer.Permission));
        Assert.Equal(KeyPermission.SpotAndMarginTrading, BinanceEndpoints.SubAccountMarginTransfer.Permission);
        BinanceEndpoint[] transfers =
        [
            BinanceEndpoints.SubAccountMarginTransfer, BinanceEndpoints.SubAccountFuturesTransfer, BinanceEndpoints.SubAccountUniversalTransfer,
            BinanceEndpoints.SubAccountUniversalTransferHistory, BinanceEndpoints.SubAccountFuturesInternalTransfer,
            BinanceEndpoints.SubAccountFuturesInternalTransferHistory, BinanceEndpoints.SubAccountToMaster, BinanceEndpoints.SubAccountToSubAccount,
            BinanceEndpoints.SubAccountUserHistory, BinanceEndpoints.SubAccountSpotTransferHistory,
        ];
        Assert.All(transfers, e => Assert.Contains(e, BinanceEndpoints.All));
        Assert.All(transfers, e => Assert.True(e.Signed && e.IpWeight == 1 && e.Path.StartsWith("/sapi/v1/sub-account/", StringComparison.Ordinal)));
        Assert.Equal(BinanceEndpoints.All.Select((e, index) => index), BinanceEndpoints.All.Select(e => e.Id));
    }

    public static TheoryData<Func<SubAccountApi, Task<string?>>, string> BadRequests => new()
    {
        { api => Message(api.UniversalTransferAsync(new(SubAccountAccountType.Spot, SubAccountAccountType.IsolatedMargin, "USDT", 1m) { ToEmail = "alice@example.com" })),
            "symbol is required when a side is ISOLATED_MARGIN: name the isolated-margin symbol, e.g. BTCUSDT." },
        { api => Message(api.UniversalTransferAsync(new(SubAccountAccountType.Spot, SubAccountAccountType.UsdtFuture, "USDT", 1m) { ToEmail = "alice@example.com", Symbol = "BTCUSDT" })),
            "symbol is only accepted when a side is ISOLATED_MARGIN." },
        { api => Message(api.UniversalTransferAsync(new(SubAccountAccountType.UsdtFuture, SubAccountAccountType.UsdtFuture, "USDT", 1m) { ToEmail = "alice@example.com" })),
            "Binance does not support universal transfers between two futures wallets; use the futures internal transfer." },
        { api => Message(api.UniversalTransferAsync(new(SubAccountAccountType.Spot, SubAccountAccountType.Spot, "USDT", 1m) { FromEmail = "alice@example.com", ToEmail = "ALICE@example.com" })),
            "The transfer goes from a wallet to the same wallet; name two different wallets." },
        { api => Message(api.UniversalTransferAsync(new(SubAccountAccountType.Spot, SubAccountAccountType.Spot, "USDT", 1m) { ToEmail = "alice.example.com" })),
            "toEmail 'alice.example.com' is not an email address; write it as name@domain.tld." },
        { api => Message(api.UniversalTransferAsync(new(SubAccountAccountType.Spot, SubAccountAccountType.Spot, "USDT", 1m) { ToEmail = "a@b.c", ClientTranId = "has space" })),
            "clientTranId must be 1 to 64 printable characters without spaces." },
        { api => Message(api.UniversalTransferAsync(new(SubAccountAccountType.Spot, SubAccountAccountType.Spot, "USDT", 0m) { ToEmail = "a@b.c" })),
            "amount must be more than zero, not 0." },
        { api => Message(api.MarginTransferAsync(new("", "USDT", 1m, SubAccountMarginTransferType.SpotToMargin))),
            "email '' is not an email address; write it as name@domain.tld." },
        { api => Message(api.MarginTransferAsync(new("alice@example.com", "USDT", 1m, (SubAccountMarginTransferType)3))),
            "type 3 is not one of its documented values." },
        { api => Message(api.FuturesTransferAsync(new("alice@example.com", "usdt", 1m, SubAccountFuturesTransferType.SpotToUsdtFuture))),
            "asset 'usdt' must be 1 to 20 upper-case letters or digits, such as USDT." },
        { api => Message(api.FuturesInternalTransferAsync(new("alice@example.com", "Alice@example.com", SubAccountFuturesType.UsdtMargined, "USDT", 1m))),
            "fromEmail and toEmail are the same account; a futures internal transfer moves between two accounts." },
        { api => Message(api.TransferToMasterAsync(new("USDT", 1.000000001m))),
            "amount 1.000000001 has 9 decimal places; at most 8 are accepted." },
        { api => Message(api.TransferToSubAccountAsync(new("bob@", "USDT", 1m))),
            "toEmail 'bob@' is not an email address; write it as name@domain.tld." },
        { api => Message(api.GetUniversalTransferHistoryAsync(new() { FromEmail = "a@b.c", ToEmail = "d@e.f" })),
            "Give fromEmail or toEmail, not both: Binance lists one side at a time (neither means from the master)." },
        { api => Message(api.GetUniversalTransferHistoryAsync(new() { StartTime = DateTimeOffset.UnixEpoch, EndTime = DateTimeOffset.UnixEpoch.AddDays(8) })),
            "startTime to endTime spans 8 days; at most 7 days are allowed." },
        { api => Message(api.GetUniversalTransferHistoryAsync(new() { Limit = 501 })),
            "limit must be between 1 and 500, not 501." },
        { api => Message(api.GetFuturesInternalTransferHistoryAsync(new("alice@example.com", (SubAccountFuturesType)0))),
            "futuresType 0 is not one of its documented values." },
        { api => Message(api.GetUserTransferHistoryAsync(new() { Type = (SubAccountTransferDirection)7 })),
            "type 7 is not one of its documented values." },
        { api => Message(api.GetSpotTransferHistoryAsync(new() { Page = 0 })),
            "page must be 1 or more, not 0." },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task Bad_input_is_not_sent(Func<SubAccountApi, Task<string?>> call, string message)
    {
        var client = _clients.Hmac();

        Assert.Equal(message, await call(client.SubAccount));
        Assert.Empty(_clients.Handler.Requests);
    }

    private static async Task<string?> Message<T>(Task<Outcome<T>> call) =>
        await call is NotSent<T> { Reason: NotSentReason.InvalidInput } notSent ? notSent.Message : "(sent)";
}
