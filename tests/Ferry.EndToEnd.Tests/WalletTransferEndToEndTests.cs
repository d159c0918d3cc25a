using Ferry.Binance.Margin;
using Ferry.Binance.Models;
using Ferry.Binance.Wallet;
using Ferry.Core.Credentials;
using Ferry.Core.Outcomes;

namespace Ferry.EndToEnd.Tests;

/// <summary>Every endpoint of the wallet-transfer family through the typed client, against the simulator.</summary>
public sealed class WalletTransferEndToEndTests : SimulatorFixture
{
    [Theory]
    [InlineData(SigningKind.Hmac)]
    [InlineData(SigningKind.Rsa)]
    [InlineData(SigningKind.Ed25519)]
    public async Task Universal_transfer_moves_money_and_history_lists_it(SigningKind kind)
    {
        using var client = Client(kind);

        var outcome = await client.Wallet.UniversalTransferAsync(new UniversalTransferRequest(UniversalTransferType.MainUmFuture, "USDT", 12.5m));

        var done = Assert.IsType<Done<UniversalTransferResult>>(outcome);
        Assert.Equal(987.5m, Balance("SPOT"));
        Assert.Equal(12.5m, Balance("USDT_FUTURE"));

        var history = await client.Wallet.GetUniversalTransferHistoryAsync(new UniversalTransferHistoryQuery(UniversalTransferType.MainUmFuture));
        var page = Assert.IsType<Done<UniversalTransferPage>>(history).Value;
        var row = Assert.Single(page.Rows);
        Assert.Equal((done.Value.TranId, "USDT", 12.5m, "MAIN_UMFUTURE", "CONFIRMED"), (row.TranId, row.Asset, row.Amount, row.Type, row.Status));
        Assert.Equal(1, page.Total);
    }

    [Fact]
    public async Task Isolated_margin_moves_need_symbols_and_show_in_margin_history()
    {
        using var client = Client(SigningKind.Hmac);
        var into = await client.Wallet.UniversalTransferAsync(
            new UniversalTransferRequest(UniversalTransferType.MarginIsolatedMargin, "USDT", 30m) { ToSymbol = "BTCUSDT" });
        var outOf = await client.Wallet.UniversalTransferAsync(
            new UniversalTransferRequest(UniversalTransferType.IsolatedMarginMain, "USDT", 5m) { FromSymbol = "BTCUSDT" });
        Assert.True(into.IsDone && outOf.IsDone, $"{into.Describe()} / {outOf.Describe()}");
        Assert.Equal(75m, Balance("ISOLATED_MARGIN", symbol: "BTCUSDT"));
        Assert.Equal(70m, Balance("MARGIN"));

        var cross = Assert.IsType<Done<MarginTransferPage>>(await client.Margin.GetCrossMarginTransferHistoryAsync(new CrossMarginTransferHistoryQuery())).Value;
        var rollOut = Assert.Single(cross.Rows);
        Assert.Equal(("ROLL_OUT", 30m, "BTCUSDT"), (rollOut.Type, rollOut.Amount, rollOut.ToSymbol));

        var isolated = Assert.IsType<Done<MarginTransferPage>>(await client.Margin.GetCrossMarginTransferHistoryAsync(
            new CrossMarginTransferHistoryQuery { IsolatedSymbol = "BTCUSDT" })).Value;
        Assert.Equal(["ROLL_OUT", "ROLL_IN"], isolated.Rows.Select(r => r.Type));

        var universal = await client.Wallet.GetUniversalTransferHistoryAsync(
            new UniversalTransferHistoryQuery(UniversalTransferType.MarginIsolatedMargin) { ToSymbol = "BTCUSDT" });
        Assert.Equal(((Done<UniversalTransferResult>)into).Value.TranId, Assert.Single(Assert.IsType<Done<UniversalTransferPage>>(universal).Value.Rows).TranId);
    }

    [Fact]
    public async Task Server_time_is_the_simulators_clock()
    {
        using var client = Client(SigningKind.Hmac);
        var before = DateTimeOffset.UtcNow;
        var time = Assert.IsType<Done<ServerTimeResult>>(await client.General.GetServerTimeAsync()).Value;
        Assert.InRange(time.ServerTime, before.AddSeconds(-5), DateTimeOffset.UtcNow.AddSeconds(5));
    }

    [Fact]
    public async Task A_wrong_secret_is_rejected_with_minus_1022_and_nothing_moves()
    {
        using var client = Client(new ApiCredentials("e2e-hmac-key", new SecretText("e2e-hmac-secretX"), SigningKind.Hmac));
        var outcome = await client.Wallet.UniversalTransferAsync(new UniversalTransferRequest(UniversalTransferType.MainFunding, "USDT", 1m));
        var error = Assert.IsType<Rejected<UniversalTransferResult>>(outcome).Error;
        Assert.Equal((400, "-1022", "Signature for this request is not valid."), (error.HttpStatus, error.Code, error.Message));
        Assert.Equal(1000m, Balance("SPOT"));
    }

    [Fact]
    public async Task A_key_without_the_permission_is_rejected_with_minus_2015()
    {
        using var client = Client(new ApiCredentials("e2e-read-only-key", new SecretText("e2e-read-only-secret"), SigningKind.Hmac));
        var outcome = await client.Wallet.UniversalTransferAsync(new UniversalTransferRequest(UniversalTransferType.MainFunding, "USDT", 1m));
        var error = Assert.IsType<Rejected<UniversalTransferResult>>(outcome).Error;
        Assert.Equal((401, "-2015"), (error.HttpStatus, error.Code));
        Assert.IsType<Done<UniversalTransferPage>>(
            await client.Wallet.GetUniversalTransferHistoryAsync(new UniversalTransferHistoryQuery(UniversalTransferType.MainFunding)));
    }

    [Fact]
    public async Task Insufficient_balance_is_rejected_and_nothing_moves()
    {
        using var client = Client(SigningKind.Ed25519);
        var outcome = await client.Wallet.UniversalTransferAsync(new UniversalTransferRequest(UniversalTransferType.MainMargin, "USDT", 1000.00000001m));
        Assert.Equal("-5002", Assert.IsType<Rejected<UniversalTransferResult>>(outcome).Error.Code);
        Assert.Equal(1000m, Balance("SPOT"));
    }

    [Theory]
    [InlineData("0", null, null, "amount")]
    [InlineData("-1", null, null, "amount")]
    [InlineData("1.123456789", null, null, "decimal places")]
    [InlineData("1", null, null, "toSymbol")]
    [InlineData("1", "BTCUSDT", "ETHUSDT", "fromSymbol")]
    public async Task Bad_input_is_refused_locally_and_the_simulator_sees_nothing(string amount, string? fromSymbol, string? toSymbol, string expected)
    {
        using var client = Client(SigningKind.Hmac);
        var request = new UniversalTransferRequest(UniversalTransferType.MarginIsolatedMargin, "USDT",
            decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)) { FromSymbol = fromSymbol, ToSymbol = toSymbol ?? (expected == "toSymbol" ? null : "BTCUSDT") };
        var outcome = await client.Wallet.UniversalTransferAsync(request);
        var notSent = Assert.IsType<NotSent<UniversalTransferResult>>(outcome);
        Assert.Equal(NotSentReason.InvalidInput, notSent.Reason);
        Assert.Contains(expected, notSent.Message, StringComparison.OrdinalIgnoreCase);
        Assert.False(client.Clock.IsMeasured, "a refused request must not even ask the server for its time");
    }
}
