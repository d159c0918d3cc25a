using System.Net;
using System.Security.Cryptography;
using System.Text;
using Ferry.Binance.Balances;
using Ferry.Binance.Models.Balances;
using Ferry.Binance.Tests.Support;
using Ferry.Core.Http;
using Ferry.Core.Outcomes;

namespace Ferry.Binance.Tests;

/// <summary>
/// What the balance calls put on the wire (host, method, parameters, signature), what they refuse locally, and how the
/// exchange's answers end: one outcome each, the reads' documented error codes as Rejected with the exchange's text.
/// </summary>
public sealed class BalancesClientTests : IDisposable
{
    private readonly TestClients _clients = new();

    public void Dispose() => _clients.Dispose();

    private static string Hmac(string payload) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(TestClients.DocSecret), Encoding.ASCII.GetBytes(payload)));

    private long Timestamp => _clients.Time.GetUtcNow().ToUnixTimeMilliseconds();

    [Fact]
    public async Task Spot_account_sends_omit_zero_balances_in_the_signed_query()
    {
        var client = _clients.Hmac();
        _clients.Handler.Enqueue(HttpStatusCode.OK, TestClients.Data("doc-spot-account.json"));

        var outcome = await client.Balances.SpotAccountAsync(new SpotAccountQuery { OmitZeroBalances = true });

        Assert.Equal(4723846.89208129m, Assert.IsType<Done<SpotAccount>>(outcome).Value.Balances[0].Free);
        var sent = Assert.Single(_clients.Handler.Calls);
        Assert.Equal((HttpMethod.Get, "https://api.binance.com/api/v3/account"), (sent.Method, sent.Uri.GetLeftPart(UriPartial.Path)));
        var unsigned = $"omitZeroBalances=true&recvWindow=5000&timestamp={Timestamp}";
        Assert.Equal($"{unsigned}&signature={Hmac(unsigned)}", sent.Query);
        Assert.Equal(TestClients.DocApiKey, sent.Header("X-MBX-APIKEY"));
        Assert.Null(sent.Body);
    }

    [Fact]
    public async Task User_and_funding_assets_post_a_signed_form_body()
    {
        var client = _clients.Hmac();
        _clients.Handler
            .Enqueue(HttpStatusCode.OK, TestClients.Data("doc-user-asset.json"))
            .Enqueue(HttpStatusCode.OK, TestClients.Data("doc-funding-asset.json"));

        var user = await client.Balances.UserAssetsAsync(new AssetBalanceQuery { Asset = "AVAX", NeedBtcValuation = true });
        var funding = await client.Balances.FundingAssetsAsync();

        Assert.Equal("AVAX", Assert.Single(Assert.IsType<Done<IReadOnlyList<UserAsset>>>(user).Value).Asset);
        Assert.Equal(1m, Assert.Single(Assert.IsType<Done<IReadOnlyList<FundingAsset>>>(funding).Value).Free);
        var (userSent, fundingSent) = (_clients.Handler.Calls[0], _clients.Handler.Calls[1]);
        Assert.Equal((HttpMethod.Post, "https://api.binance.com/sapi/v3/asset/getUserAsset", ""), (userSent.Method, userSent.Uri.GetLeftPart(UriPartial.Path), userSent.Query));
        var unsigned = $"asset=AVAX&needBtcValuation=true&recvWindow=5000&timestamp={Timestamp}";
        Assert.Equal($"{unsigned}&signature={Hmac(unsigned)}", userSent.Body);
        Assert.Equal("application/x-www-form-urlencoded", userSent.ContentType);
        Assert.Equal("/sapi/v1/asset/get-funding-asset", fundingSent.Path);
        Assert.StartsWith("recvWindow=5000&timestamp=", fundingSent.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wallet_overview_sends_the_quote_asset_and_the_detail_flag()
    {
        var client = _clients.Hmac();
        _clients.Handler.Enqueue(HttpStatusCode.OK, TestClients.Data("doc-wallet-balance.json"));

        var outcome = await client.Balances.WalletOverviewAsync(new WalletOverviewQuery { QuoteAsset = "USDT", NeedBalanceDetail = true, RecvWindow = 10_000 });

        Assert.True(outcome.IsDone);
        var sent = Assert.Single(_clients.Handler.Calls);
        Assert.Equal("/sapi/v1/asset/wallet/balance", sent.Path);
        Assert.StartsWith("quoteAsset=USDT&needBalanceDetail=true&recvWindow=10000&timestamp=", sent.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Isolated_symbols_go_comma_separated_and_percent_encoded_as_ccxt_sends_them()
    {
        var client = _clients.Hmac();
        _clients.Handler.Enqueue(HttpStatusCode.OK, TestClients.Data("doc-margin-isolated-account.json"));

        var outcome = await client.Balances.IsolatedMarginAccountAsync(new IsolatedMarginAccountQuery { Symbols = ["BTCUSDT", "ETHUSDT"] });

        Assert.Equal("BTCUSDT", Assert.IsType<Done<IsolatedMarginAccount>>(outcome).Value.Assets[0].Symbol);
        var sent = Assert.Single(_clients.Handler.Calls);
        var unsigned = $"symbols=BTCUSDT%2CETHUSDT&recvWindow=5000&timestamp={Timestamp}";
        Assert.Equal($"{unsigned}&signature={Hmac(unsigned)}", sent.Query);
    }

    [Fact]
    public void Each_query_lists_its_wire_parameters_decoded()
    {
        Assert.Equal([new("omitZeroBalances", "false")], ((IWireRequest)new SpotAccountQuery { OmitZeroBalances = false }).WireParameters());
        Assert.Equal([new("asset", "USDT"), new("needBtcValuation", "true")],
            ((IWireRequest)new AssetBalanceQuery { Asset = "USDT", NeedBtcValuation = true }).WireParameters());
        Assert.Equal([new("quoteAsset", "USDT")], ((IWireRequest)new WalletOverviewQuery { QuoteAsset = "USDT" }).WireParameters());
        Assert.Equal([new("symbols", "BTCUSDT,ETHUSDT")],
            ((IWireRequest)new IsolatedMarginAccountQuery { Symbols = ["BTCUSDT", "ETHUSDT"] }).WireParameters());
        Assert.Empty(((IWireRequest)new IsolatedMarginAccountQuery { Symbols = [] }).WireParameters());
    }

    [Fact]
    public async Task More_than_five_isolated_symbols_are_refused_locally_with_one_sentence()
    {
        var client = _clients.Hmac();

        var outcome = await client.Balances.IsolatedMarginAccountAsync(new IsolatedMarginAccountQuery
        {
            Symbols = ["BTCUSDT", "ETHUSDT", "BNBUSDT", "ADAUSDT", "XRPUSDT", "SOLUSDT"],
        });

        var notSent = Assert.IsType<NotSent<IsolatedMarginAccount>>(outcome);
        Assert.Equal(NotSentReason.InvalidInput, notSent.Reason);
        Assert.Equal("symbols names 6 pairs; Binance takes at most 5 in one request.", notSent.Message);
        Assert.Empty(_clients.Handler.Requests);
    }

    [Theory]
    [InlineData("btcusdt")]
    [InlineData("BTC/USDT")]
    [InlineData("")]
    public async Task A_malformed_isolated_symbol_is_refused_locally(string symbol)
    {
        var client = _clients.Hmac();

        var outcome = await client.Balances.IsolatedMarginAccountAsync(new IsolatedMarginAccountQuery { Symbols = ["BTCUSDT", symbol] });

        Assert.Contains("symbols", Assert.IsType<NotSent<IsolatedMarginAccount>>(outcome).Message, StringComparison.Ordinal);
        Assert.Empty(_clients.Handler.Requests);
    }

    [Fact]
    public async Task A_malformed_asset_or_quote_asset_is_refused_locally()
    {
        var client = _clients.Hmac();

        var quote = await client.Balances.WalletOverviewAsync(new WalletOverviewQuery { QuoteAsset = "usdt" });
        var asset = await client.Balances.FundingAssetsAsync(new AssetBalanceQuery { Asset = "US DT" });

        Assert.StartsWith("quoteAsset 'usdt'", Assert.IsType<NotSent<IReadOnlyList<WalletOverviewRow>>>(quote).Message, StringComparison.Ordinal);
        Assert.StartsWith("asset 'US DT'", Assert.IsType<NotSent<IReadOnlyList<FundingAsset>>>(asset).Message, StringComparison.Ordinal);
        Assert.Empty(_clients.Handler.Requests);
    }

    [Fact]
    public async Task Futures_calls_go_to_their_own_hosts_signed_the_same_way()
    {
        var client = _clients.Hmac();
        _clients.Handler
            .Enqueue(HttpStatusCode.OK, TestClients.Data("doc-fapi-v3-balance.json"))
            .Enqueue(HttpStatusCode.OK, TestClients.Data("doc-fapi-v3-account.json"))
            .Enqueue(HttpStatusCode.OK, TestClients.Data("doc-dapi-balance.json"))
            .Enqueue(HttpStatusCode.OK, TestClients.Data("doc-dapi-account.json"));

        Assert.True((await client.Balances.UsdmFuturesBalanceAsync()).IsDone);
        Assert.True((await client.Balances.UsdmFuturesAccountAsync()).IsDone);
        Assert.True((await client.Balances.CoinFuturesBalanceAsync()).IsDone);
        Assert.True((await client.Balances.CoinFuturesAccountAsync()).IsDone);

        Assert.Equal(
            ["https://fapi.binance.com/fapi/v3/balance", "https://fapi.binance.com/fapi/v3/account",
             "https://dapi.binance.com/dapi/v1/balance", "https://dapi.binance.com/dapi/v1/account"],
            _clients.Handler.Calls.Select(c => c.Uri.GetLeftPart(UriPartial.Path)));
        var unsigned = $"recvWindow=5000&timestamp={Timestamp}";
        Assert.All(_clients.Handler.Calls, c => Assert.Equal($"{unsigned}&signature={Hmac(unsigned)}", c.Query));
        Assert.All(_clients.Handler.Calls, c => Assert.Equal(TestClients.DocApiKey, c.Header("X-MBX-APIKEY")));
        // The clock is measured once, on the spot host, for every host.
        Assert.Equal(["https://api.binance.com/api/v3/time"], _clients.Handler.Requests.Where(r => r.Path == "/api/v3/time").Select(r => r.Uri.ToString()));
    }

    [Fact]
    public async Task A_loopback_simulator_receives_every_path_on_its_one_address()
    {
        var client = _clients.Hmac(o => o.BaseAddress = new Uri("http://127.0.0.1:5123"));
        _clients.Handler
            .Enqueue(HttpStatusCode.OK, TestClients.Data("doc-fapi-v3-balance.json"))
            .Enqueue(HttpStatusCode.OK, TestClients.Data("doc-dapi-balance.json"))
            .Enqueue(HttpStatusCode.OK, TestClients.Data("doc-margin-account.json"));

        await client.Balances.UsdmFuturesBalanceAsync();
        await client.Balances.CoinFuturesBalanceAsync();
        await client.Balances.CrossMarginAccountAsync();

        Assert.All(_clients.Handler.Requests, r => Assert.Equal("http://127.0.0.1:5123", r.Uri.GetLeftPart(UriPartial.Authority)));
    }

    [Fact]
    public async Task On_the_spot_testnet_a_futures_call_is_not_sent_without_a_futures_address()
    {
        var client = _clients.Hmac(o => o.BaseAddress = new Uri("https://testnet.binance.vision"));

        var outcome = await client.Balances.UsdmFuturesBalanceAsync();

        var notSent = Assert.IsType<NotSent<IReadOnlyList<UsdmFuturesBalance>>>(outcome);
        Assert.Equal(NotSentReason.HostNotAllowed, notSent.Reason);
        Assert.Contains("UsdmFuturesBaseAddress", notSent.Message, StringComparison.Ordinal);
        Assert.Empty(_clients.Handler.Requests);
    }

    [Theory]
    [InlineData(401, "{\"code\":-2015,\"msg\":\"Invalid API-key, IP, or permissions for action, request ip: 203.0.113.7\"}", "-2015", "Invalid API-key, IP, or permissions for action, request ip: 203.0.113.7")]
    [InlineData(400, "{\"code\":-3003,\"msg\":\"Margin account does not exist.\"}", "-3003", "Margin account does not exist.")]
    [InlineData(400, "{\"code\":-11001,\"msg\":\"Isolated margin account does not exist.\"}", "-11001", "Isolated margin account does not exist.")]
    public async Task A_refused_read_ends_rejected_with_the_exchange_s_code_and_text(int status, string body, string code, string message)
    {
        var client = _clients.Hmac();
        _clients.Handler
            .Enqueue((HttpStatusCode)status, body)
            .Enqueue((HttpStatusCode)status, body)
            .Enqueue((HttpStatusCode)status, body);

        var futures = await client.Balances.UsdmFuturesAccountAsync();
        var margin = await client.Balances.CrossMarginAccountAsync();
        var isolated = await client.Balances.IsolatedMarginAccountAsync();

        foreach (var error in new[]
                 {
                     Assert.IsType<Rejected<UsdmFuturesAccount>>(futures).Error,
                     Assert.IsType<Rejected<CrossMarginAccount>>(margin).Error,
                     Assert.IsType<Rejected<IsolatedMarginAccount>>(isolated).Error,
                 })
        {
            Assert.Equal((status, code, message), (error.HttpStatus, error.Code, error.Message));
        }

        Assert.Equal(3, _clients.Handler.Calls.Count);
    }

    [Fact]
    public async Task A_5xx_on_a_balance_read_is_unknown_and_an_unreadable_success_too()
    {
        var client = _clients.Hmac();
        _clients.Handler
            .Enqueue(HttpStatusCode.BadGateway, "")
            .Enqueue(HttpStatusCode.OK, "{\"balances\":\"not a list\"}");

        Assert.IsType<Unknown<IReadOnlyList<CoinFuturesBalance>>>(await client.Balances.CoinFuturesBalanceAsync());
        Assert.IsType<Unknown<SpotAccount>>(await client.Balances.SpotAccountAsync());
    }
}
