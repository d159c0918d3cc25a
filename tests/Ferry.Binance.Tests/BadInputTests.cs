using Ferry.Binance.Margin;
using Ferry.Binance.Models;
using Ferry.Binance.Tests.Support;
using Ferry.Binance.Wallet;
using Ferry.Core.Credentials;
using Ferry.Core.Outcomes;

namespace Ferry.Binance.Tests;

/// <summary>Bad input ends NotSent InvalidInput with one sentence naming the problem, and nothing reaches the network.</summary>
public sealed class BadInputTests : IDisposable
{
    private readonly TestClients _clients = new();

    public void Dispose() => _clients.Dispose();

    public static TheoryData<UniversalTransferRequest, string> BadTransfers => new()
    {
        { new(UniversalTransferType.MainUmFuture, "USDT", 0m), "amount must be more than zero, not 0." },
        { new(UniversalTransferType.MainUmFuture, "USDT", -5m), "amount must be more than zero, not -5." },
        { new(UniversalTransferType.MainUmFuture, "USDT", 1.123456789m), "amount 1.123456789 has 9 decimal places; at most 8 are accepted." },
        { new(UniversalTransferType.MainUmFuture, "", 1m), "asset is required (an upper-case asset code such as USDT)." },
        { new(UniversalTransferType.MainUmFuture, "usdt", 1m), "asset 'usdt' must be 1 to 20 upper-case letters or digits, such as USDT." },
        { new(UniversalTransferType.MainUmFuture, "US DT", 1m), "asset 'US DT' must be 1 to 20 upper-case letters or digits, such as USDT." },
        { new(UniversalTransferType.IsolatedMarginMargin, "USDT", 1m), "fromSymbol is required for ISOLATEDMARGIN_MARGIN: name the isolated-margin symbol to move out of, e.g. BTCUSDT." },
        { new(UniversalTransferType.IsolatedMarginMain, "USDT", 1m), "fromSymbol is required for ISOLATED_MARGIN_MAIN: name the isolated-margin symbol to move out of, e.g. BTCUSDT." },
        { new(UniversalTransferType.MarginIsolatedMargin, "USDT", 1m), "toSymbol is required for MARGIN_ISOLATEDMARGIN: name the isolated-margin symbol to move into, e.g. BTCUSDT." },
        { new(UniversalTransferType.MainIsolatedMargin, "USDT", 1m), "toSymbol is required for MAIN_ISOLATED_MARGIN: name the isolated-margin symbol to move into, e.g. BTCUSDT." },
        { new(UniversalTransferType.IsolatedMarginIsolatedMargin, "USDT", 1m) { FromSymbol = "BTCUSDT" }, "toSymbol is required for ISOLATEDMARGIN_ISOLATEDMARGIN: name the isolated-margin symbol to move into, e.g. BTCUSDT." },
        { new(UniversalTransferType.IsolatedMarginIsolatedMargin, "USDT", 1m) { FromSymbol = "BTCUSDT", ToSymbol = "BTCUSDT" }, "fromSymbol and toSymbol must differ for ISOLATEDMARGIN_ISOLATEDMARGIN; both are BTCUSDT." },
        { new(UniversalTransferType.MainUmFuture, "USDT", 1m) { FromSymbol = "BTCUSDT" }, "fromSymbol must not be given for MAIN_UMFUTURE, whose source is not an isolated-margin account." },
        { new(UniversalTransferType.MainMargin, "USDT", 1m) { ToSymbol = "BTCUSDT" }, "toSymbol must not be given for MAIN_MARGIN, whose target is not an isolated-margin account." },
        { new(UniversalTransferType.MainIsolatedMargin, "USDT", 1m) { ToSymbol = "btc/usdt" }, "toSymbol 'btc/usdt' must be 2 to 30 upper-case letters or digits, such as BTCUSDT." },
        { new((UniversalTransferType)99, "USDT", 1m), "type 99 is not a universal transfer type." },
        { new(UniversalTransferType.MainUmFuture, "USDT", 1m) { RecvWindow = 0 }, "recvWindow must be between 1 and 60000 ms, not 0." },
        { new(UniversalTransferType.MainUmFuture, "USDT", 1m) { RecvWindow = 70000 }, "recvWindow must be between 1 and 60000 ms, not 70000." },
    };

    [Theory]
    [MemberData(nameof(BadTransfers))]
    public async Task A_bad_transfer_is_not_sent(UniversalTransferRequest request, string message)
    {
        var client = _clients.Hmac();

        var outcome = await client.Wallet.UniversalTransferAsync(request);

        var notSent = Assert.IsType<NotSent<UniversalTransferResult>>(outcome);
        Assert.Equal(NotSentReason.InvalidInput, notSent.Reason);
        Assert.Equal(message, notSent.Message);
        Assert.Empty(_clients.Handler.Requests);
    }

    [Fact]
    public async Task The_decimal_limit_is_configurable()
    {
        var client = _clients.Hmac(o => o.MaxAmountDecimalPlaces = 2);

        var outcome = await client.Wallet.UniversalTransferAsync(new UniversalTransferRequest(UniversalTransferType.MainUmFuture, "USDT", 1.001m));

        Assert.Equal("amount 1.001 has 3 decimal places; at most 2 are accepted.", Assert.IsType<NotSent<UniversalTransferResult>>(outcome).Message);
        Assert.Empty(_clients.Handler.Requests);
    }

    [Fact]
    public async Task Trailing_zeros_do_not_count_as_decimal_places()
    {
        var client = _clients.Hmac();
        _clients.Handler.Enqueue(System.Net.HttpStatusCode.OK, "{\"tranId\":1}");

        var outcome = await client.Wallet.UniversalTransferAsync(new UniversalTransferRequest(UniversalTransferType.MainUmFuture, "USDT", 1.1000000000m));

        Assert.True(outcome.IsDone);
        Assert.Contains("amount=1.1&", _clients.Handler.Calls[0].Body, StringComparison.Ordinal);
    }

    public static TheoryData<UniversalTransferHistoryQuery, string> BadHistoryQueries => new()
    {
        { new(UniversalTransferType.MainUmFuture) { Size = 101 }, "size must be between 1 and 100, not 101." },
        { new(UniversalTransferType.MainUmFuture) { Size = 0 }, "size must be between 1 and 100, not 0." },
        { new(UniversalTransferType.MainUmFuture) { Current = 0 }, "current (the page number) must be 1 or more, not 0." },
        { new(UniversalTransferType.MainUmFuture) { StartTime = DateTimeOffset.UnixEpoch.AddDays(2), EndTime = DateTimeOffset.UnixEpoch.AddDays(1) }, "endTime must not be before startTime." },
        { new(UniversalTransferType.IsolatedMarginMargin), "fromSymbol is required for ISOLATEDMARGIN_MARGIN: name the isolated-margin symbol to move out of, e.g. BTCUSDT." },
        { new(UniversalTransferType.MainUmFuture) { RecvWindow = 60001 }, "recvWindow must be between 1 and 60000 ms, not 60001." },
    };

    [Theory]
    [MemberData(nameof(BadHistoryQueries))]
    public async Task A_bad_history_query_is_not_sent(UniversalTransferHistoryQuery query, string message)
    {
        var client = _clients.Hmac();

        var outcome = await client.Wallet.GetUniversalTransferHistoryAsync(query);

        Assert.Equal(message, Assert.IsType<NotSent<UniversalTransferPage>>(outcome).Message);
        Assert.Empty(_clients.Handler.Requests);
    }

    public static TheoryData<CrossMarginTransferHistoryQuery, string> BadMarginQueries => new()
    {
        {
            new() { StartTime = DateTimeOffset.UnixEpoch.AddDays(100), EndTime = DateTimeOffset.UnixEpoch.AddDays(131) },
            "startTime to endTime spans 31 days; at most 30 days are allowed."
        },
        { new() { Size = 500 }, "size must be between 1 and 100, not 500." },
        { new() { Asset = "bnb" }, "asset 'bnb' must be 1 to 20 upper-case letters or digits, such as USDT." },
        { new() { IsolatedSymbol = "BNB-USDT" }, "isolatedSymbol 'BNB-USDT' must be 2 to 30 upper-case letters or digits, such as BTCUSDT." },
        { new() { Type = (MarginTransferDirection)7 }, "type 7 is not ROLL_IN or ROLL_OUT." },
        { new() { RecvWindow = -1 }, "recvWindow must be between 1 and 60000 ms, not -1." },
    };

    [Theory]
    [MemberData(nameof(BadMarginQueries))]
    public async Task A_bad_margin_query_is_not_sent(CrossMarginTransferHistoryQuery query, string message)
    {
        var client = _clients.Hmac();

        var outcome = await client.Margin.GetCrossMarginTransferHistoryAsync(query);

        Assert.Equal(message, Assert.IsType<NotSent<MarginTransferPage>>(outcome).Message);
        Assert.Empty(_clients.Handler.Requests);
    }

    [Fact]
    public async Task Exactly_thirty_days_is_allowed()
    {
        var client = _clients.Hmac();
        _clients.Handler.Enqueue(System.Net.HttpStatusCode.OK, "{\"total\":0}");
        var end = DateTimeOffset.UnixEpoch.AddDays(130);

        var outcome = await client.Margin.GetCrossMarginTransferHistoryAsync(new() { StartTime = end.AddDays(-30), EndTime = end });

        Assert.True(outcome.IsDone);
    }

    [Theory]
    [InlineData("main_umfuture")]
    [InlineData("MAIN_UM_FUTURE")]
    [InlineData("")]
    [InlineData(null)]
    public void Unknown_type_names_do_not_parse(string? name) =>
        Assert.False(UniversalTransferTypes.TryParse(name, out _));

    public static TheoryData<Action<BinanceClientOptions>, string> BadOptions => new()
    {
        { o => o.RecvWindow = 0, "RecvWindow must be between 1 and 60000 ms, not 0." },
        { o => o.RecvWindow = 70000, "RecvWindow must be between 1 and 60000 ms, not 70000." },
        { o => o.BaseAddress = new Uri("https://evil.example.com"), "Refusing to send a Binance key to 'https://evil.example.com': keys go only to Binance's official hosts over HTTPS or to a simulator on loopback." },
        { o => o.BaseAddress = new Uri("http://api.binance.com"), "Refusing to send a Binance key to 'http://api.binance.com': keys go only to Binance's official hosts over HTTPS or to a simulator on loopback." },
        { o => o.IpWeightPerMinute = 0, "IpWeightPerMinute must be positive." },
        { o => o.Timeout = TimeSpan.Zero, "Timeout must be more than zero and at most 10 minutes." },
        { o => o.MaxRateWait = TimeSpan.FromSeconds(-1), "MaxRateWait must not be negative." },
        { o => o.UserAgent = "", "UserAgent must be non-empty printable ASCII." },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void Bad_options_fail_when_the_client_is_built(Action<BinanceClientOptions> configure, string sentence)
    {
        var error = Assert.Throws<ArgumentException>(() => _clients.Hmac(configure));

        Assert.StartsWith(sentence, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5123")]
    [InlineData("http://localhost:8080/")]
    [InlineData("http://[::1]:9000")]
    [InlineData("https://api1.binance.com")]
    [InlineData("https://testnet.binance.vision")]
    public void Binance_hosts_and_loopback_simulators_are_accepted(string address) =>
        Assert.NotNull(_clients.Hmac(o => o.BaseAddress = new Uri(address)));

    [Fact]
    public void Credentials_never_appear_in_what_the_client_prints()
    {
        var credentials = new ApiCredentials(TestClients.DocApiKey, new SecretText(TestClients.DocSecret), SigningKind.Hmac);

        Assert.DoesNotContain(TestClients.DocSecret, credentials.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(TestClients.DocApiKey, credentials.ToString(), StringComparison.Ordinal);
    }
}
