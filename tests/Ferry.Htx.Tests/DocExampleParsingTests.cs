using System.Text.Json;
using System.Text.Json.Serialization;
using Ferry.Htx.Models;
using Ferry.Htx.Tests.Support;

namespace Ferry.Htx.Tests;

/// <summary>Every documented response example parses, and no field of it is left unmapped.</summary>
public sealed class DocExampleParsingTests
{
    private static readonly JsonSerializerOptions Strict = new(HtxJsonContext.Default.Options)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    private static T Parse<T>(string file) =>
        JsonSerializer.Deserialize<T>(HtxTestClients.Data(file), Strict) ?? throw new InvalidOperationException("null");

    [Fact]
    public void Transfer_success_example_parses()
    {
        var response = Parse<HtxV2Response<long?>>("doc-transfer-success.json");

        Assert.Equal((200, 176104252L, "Succeed", true), (response.Code, response.Data!.Value, response.Message, response.Success!.Value));
    }

    [Fact]
    public void Accounts_example_parses()
    {
        var response = Parse<HtxV1Response<IReadOnlyList<HtxAccount>>>("doc-accounts.json");

        Assert.Equal("ok", response.Status);
        Assert.Equal((100009L, "spot", "", "working"), (response.Data[0].Id, response.Data[0].Type, response.Data[0].Subtype, response.Data[0].State));
        Assert.Equal("btcusdt", response.Data[1].Subtype);
    }

    [Fact]
    public void Balance_example_parses_with_the_newer_fields()
    {
        var balance = Parse<HtxV1Response<HtxAccountBalance>>("doc-balance.json").Data;

        Assert.Equal((100009L, "spot", "working"), (balance.Id, balance.Type, balance.State));
        Assert.Equal((5007.4362872650m, 0m, 5007.4362872650m, "477"), (balance.List[0].Balance, balance.List[0].Debt!.Value, balance.List[0].Available!.Value, balance.List[0].SeqNum));
        Assert.Equal(("usdt", "frozen", 348.1199920000m), (balance.List[1].Currency, balance.List[1].Type, balance.List[1].Balance));
        Assert.Null(balance.List[1].Available);
    }

    [Fact]
    public void Isolated_swap_account_example_parses_including_an_exponent_zero()
    {
        var response = Parse<HtxSwapResponse<IReadOnlyList<HtxIsolatedAccount>>>("doc-swap-account-info.json");

        var account = Assert.Single(response.Data);
        Assert.Equal(1603866747447L, response.Ts);
        Assert.Equal(("BTC-USDT", "USDT", "isolated", "BTC-USDT"), (account.ContractCode, account.MarginAsset, account.MarginMode, account.MarginAccount));
        Assert.Equal((0m, 0.04m, 5m), (account.MarginFrozen, account.AdjustFactor, account.LeverRate));
        Assert.Null(account.RiskRate);
        Assert.Null(account.LiquidationPrice);
    }

    [Fact]
    public void Cross_swap_account_example_parses()
    {
        var account = Assert.Single(Parse<HtxSwapResponse<IReadOnlyList<HtxCrossAccount>>>("doc-swap-cross-account-info.json").Data);

        Assert.Equal(("cross", "USDT", 200.5m, 200.5m), (account.MarginMode, account.MarginAccount, account.MarginBalance, account.WithdrawAvailable));
        var detail = Assert.Single(account.ContractDetail);
        Assert.Equal(("BTC-USDT", 20m, 0.1m), (detail.ContractCode, detail.LeverRate, detail.AdjustFactor));
    }

    [Fact]
    public void Ledger_example_parses()
    {
        var response = Parse<HtxV2Response<IReadOnlyList<HtxLedgerRow>>>("doc-ledger.json");

        Assert.Equal((200, "success", 1624316679L, true), (response.Code, response.Message, response.NextId!.Value, response.Ok!.Value));
        var row = response.Data[1];
        Assert.Equal((10000001L, "usdt", -10m, "transfer", "margin-transfer-in"), (row.AccountId, row.Currency, row.TransactAmt, row.TransactType, row.TransferType));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1629882096562), row.TransactTime);
        Assert.Equal((13496526L, 28483123L), (row.Transferer!.Value, row.Transferee!.Value));
    }
}
