using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;
using Ferry.Binance.ManagedSubAccount;
using Ferry.Binance.Models;
using Ferry.Binance.Tests.Support;
using Ferry.Core.Outcomes;
using Ferry.Binance.Models.ManagedSubAccount;

namespace Ferry.Binance.Tests;

/// <summary>Managed sub-accounts: every documented example parses with nothing unmapped, the two forms of
/// <c>code</c> are accepted, requests go out as documented, and bad input is refused with nothing sent.</summary>
public sealed class ManagedSubAccountClientTests : IDisposable
{
    private static readonly JsonSerializerOptions Strict = new(BinanceJsonContext.Default.Options)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    private readonly TestClients _clients = new();

    public void Dispose() => _clients.Dispose();

    private static T Parse<T>(string file) =>
        JsonSerializer.Deserialize<T>(TestClients.Data(file), Strict) ?? throw new InvalidOperationException("null");

    [Fact]
    public void Every_documented_example_parses()
    {
        Assert.Equal(66157362489L, Parse<ManagedSubAccountTransferResult>("doc-managed-transfer.json").TranId);
        Assert.Equal("0x206c22d833bb0bb2102da6b7c7d4c3eb14bcf73d", Parse<ManagedSubAccountDepositAddress>("doc-managed-deposit-address.json").Address);
        Assert.Equal(("INJ", "Injective Protocol", 0m), Parse<IReadOnlyList<ManagedSubAccountAsset>>("doc-managed-asset.json").Select(a => (a.Coin, a.Name, a.TotalBalance)).Single());

        var futures = Parse<ManagedSubAccountFuturesAssets>("doc-managed-fetch-future-asset.json");
        Assert.Equal(("200", "OK", 120m, 0.0001m), (futures.Code, futures.Message, futures.SnapshotVos[0].Data.Assets[0].WalletBalance, futures.SnapshotVos[0].Data.Position[0].PositionAmt));

        var info = Parse<ManagedSubAccountListPage>("doc-managed-info.json");
        var row = Assert.Single(info.ManagerSubUserInfoVoList);
        Assert.Equal((3, 1000137842513L, "wdyw8xsh8pey@test.com", 1678435149000L), (info.Total, row.ManagersubUserId, row.BindParentEmail, row.InsertTimeStamp.ToUnixTimeMilliseconds()));

        var margin = Parse<ManagedSubAccountMarginAssets>("doc-managed-margin-asset.json");
        Assert.Equal((999m, "MATIC"), (margin.MarginLevel, margin.UserAssets[0].Asset));

        var snapshot = Parse<ManagedSubAccountSnapshotPage>("doc-managed-account-snapshot.json");
        var data = snapshot.SnapshotVos[0].Data;
        Assert.Equal(("200", "spot", 0.09905021m, 2748.02909813m, 1.24029054m), (snapshot.Code, snapshot.SnapshotVos[0].Type, data.Balances[0].Free, data.MarginLevel, data.Position[0].UnRealizedProfit));

        var log = Parse<ManagedSubAccountTransferLog>("doc-managed-trans-log.json");
        Assert.Equal((2, 91077779L, 0.01m, "SUCCESS"), (log.Count, log.ManagerSubTransferHistoryVos[0].TranId, log.ManagerSubTransferHistoryVos[0].Amount, log.ManagerSubTransferHistoryVos[0].Status));
    }

    [Fact]
    public async Task Code_is_accepted_as_a_string_or_a_number_on_both_envelopes_and_200_is_not_an_error()
    {
        _clients.Handler
            .Enqueue(HttpStatusCode.OK, """{"code":200,"message":"OK","snapshotVos":[]}""")
            .Enqueue(HttpStatusCode.OK, """{"code":"200","msg":"","snapshotVos":[]}""")
            .Enqueue(HttpStatusCode.OK, """{"code":200,"msg":"","snapshotVos":[]}""")
            .Enqueue(HttpStatusCode.OK, """{"code":-1102,"msg":"bad"}""");
        var client = _clients.Hmac();
        Assert.Equal("200", Assert.IsType<Done<ManagedSubAccountFuturesAssets>>(await client.ManagedSubAccount.GetFuturesAssetsAsync(new("a@b.c"))).Value.Code);
        var query = new ManagedSubAccountSnapshotQuery("a@b.c", ManagedSnapshotType.Spot);
        Assert.Equal("200", Assert.IsType<Done<ManagedSubAccountSnapshotPage>>(await client.ManagedSubAccount.GetSnapshotAsync(query)).Value.Code);
        Assert.IsType<Done<ManagedSubAccountSnapshotPage>>(await client.ManagedSubAccount.GetSnapshotAsync(query));
        Assert.IsType<Unknown<ManagedSubAccountSnapshotPage>>(await client.ManagedSubAccount.GetSnapshotAsync(query));
    }

    [Fact]
    public async Task Requests_carry_the_documented_parameters_in_order()
    {
        _clients.Handler.Enqueue(HttpStatusCode.OK, """{"tranId":1}""").Enqueue(HttpStatusCode.OK, """{"managerSubTransferHistoryVos":[],"count":0}""");
        var client = _clients.Hmac();
        var date = DateTimeOffset.FromUnixTimeMilliseconds(1767225600000);
        await client.ManagedSubAccount.WithdrawAsync(new ManagedSubAccountWithdrawRequest("a@b.c", "USDT", 1.5m) { TransferDate = date });
        await client.ManagedSubAccount.GetOwnTransferLogAsync(new ManagedSubAccountTransferLogQuery(date, date.AddDays(1))
        {
            Transfers = ManagedTransferDirection.To, TransferFunctionAccountType = ManagedAccountType.UsdtFuture,
        });
        Assert.Equal("fromEmail=a%40b.c&asset=USDT&amount=1.5&transferDate=1767225600000", _clients.Handler.Calls[0].Body![.._clients.Handler.Calls[0].Body!.IndexOf("&recvWindow=", StringComparison.Ordinal)]);
        Assert.Contains("/sapi/v1/managed-subaccount/query-trans-log?startTime=1767225600000&endTime=1767312000000&page=1&limit=500&transfers=TO&transferFunctionAccountType=USDT_FUTURE&recvWindow=",
            _clients.Handler.Calls[1].Uri.PathAndQuery);
    }

    public static TheoryData<Func<BinanceClient, Task<OutcomeKind>>, string> BadInput() => new()
    {
        { c => K(c.ManagedSubAccount.DepositAsync(new("x", "USDT", 1m))), "toEmail 'x' is not an e-mail address." },
        { c => K(c.ManagedSubAccount.DepositAsync(new("a@b.c", "usdt", 1m))), "asset 'usdt' must be 1 to 20 upper-case letters or digits, such as USDT." },
        { c => K(c.ManagedSubAccount.DepositAsync(new("a@b.c", "USDT", 0m))), "amount must be more than zero, not 0." },
        { c => K(c.ManagedSubAccount.WithdrawAsync(new("a@b.c", "USDT", 0.123456789m))), "amount 0.123456789 has 9 decimal places; at most 8 are accepted." },
        { c => K(c.ManagedSubAccount.WithdrawAsync(new("", "USDT", 1m))), "fromEmail is required (the sub-account's e-mail address)." },
        { c => K(c.ManagedSubAccount.GetListAsync(new() { Limit = 21 })), "limit must be between 1 and 20, not 21." },
        { c => K(c.ManagedSubAccount.GetSnapshotAsync(new("a@b.c", ManagedSnapshotType.Spot) { Limit = 6 })), "limit must be between 7 and 30, not 6." },
        { c => K(c.ManagedSubAccount.GetSnapshotAsync(new("a@b.c", (ManagedSnapshotType)9))), "type 9 is not one of its documented values." },
        { c => K(c.ManagedSubAccount.GetSnapshotAsync(new("a@b.c", ManagedSnapshotType.Spot) { StartTime = DateTimeOffset.UnixEpoch, EndTime = DateTimeOffset.UnixEpoch.AddDays(31) })),
            "startTime to endTime spans 31 days; at most 30 days are allowed." },
        { c => K(c.ManagedSubAccount.GetInvestorTransferLogAsync(new(DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddDays(184)) { Email = "a@b.c" })),
            "startTime to endTime spans 184 days; at most 183 days are allowed." },
        { c => K(c.ManagedSubAccount.GetInvestorTransferLogAsync(new(DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch) { Email = "a@b.c", Limit = 501 })),
            "limit must be between 1 and 500, not 501." },
        { c => K(c.ManagedSubAccount.GetInvestorTransferLogAsync(new(DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch))), "email is required (the managed sub-account's e-mail address)." },
        { c => K(c.ManagedSubAccount.GetOwnTransferLogAsync(new(DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch) { Email = "a@b.c" })),
            "The trading-team sub-account's own log takes no email; it is the log of the calling key's account." },
        { c => K(c.ManagedSubAccount.GetFuturesAssetsAsync(new("a@b.c") { AccountType = (ManagedFuturesAccountType)5 })), "accountType 5 is not one of its documented values." },
        { c => K(c.ManagedSubAccount.GetDepositAddressAsync(new("a@b.c", "USDT") { Network = "e th" })), "network 'e th' must be 1 to 20 upper-case letters or digits, such as USDT." },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task Bad_input_is_not_sent(Func<BinanceClient, Task<OutcomeKind>> call, string message)
    {
        _clients.Handler.Enqueue(HttpStatusCode.OK, "{}");
        var client = _clients.Hmac();
        LastMessage = null;
        Assert.Equal(OutcomeKind.NotSent, await call(client));
        Assert.Equal(message, LastMessage);
        Assert.Empty(_clients.Handler.Requests);
    }

    private static string? LastMessage;

    private static async Task<OutcomeKind> K<T>(Task<Outcome<T>> task)
    {
        var outcome = await task;
        LastMessage = (outcome as NotSent<T>)?.Message;
        return outcome.Kind;
    }
}
