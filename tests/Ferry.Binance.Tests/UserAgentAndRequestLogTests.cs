using System.Net;
using Ferry.Binance.Margin;
using Ferry.Binance.Tests.Support;
using Ferry.Binance.Wallet;
using Ferry.Core.Credentials;
using Ferry.Core.Outcomes;

namespace Ferry.Binance.Tests;

/// <summary>
/// Every request names Ferry in its User-Agent, and the request log (what `--verbose` shows) never holds the
/// signature, the query, the body or the API key.
/// </summary>
public sealed class UserAgentAndRequestLogTests : IDisposable
{
    private readonly TestClients _clients = new();
    private readonly List<string> _log = [];

    public void Dispose() => _clients.Dispose();

    private static readonly (string Name, string Value)[] Weights =
        [("X-SAPI-USED-IP-WEIGHT-1M", "7"), ("X-SAPI-USED-UID-WEIGHT-1M", "300")];

    /// <summary>Calls every method of every API area the client has, answered from the documented examples.</summary>
    private async Task CallEveryApiAsync(BinanceClient client)
    {
        var handler = _clients.Handler;
        handler.Enqueue(HttpStatusCode.OK, "{\"tranId\":13526853623}", Weights);
        Assert.IsType<Done<Models.UniversalTransferResult>>(
            await client.Wallet.UniversalTransferAsync(new UniversalTransferRequest(UniversalTransferType.MainUmFuture, "USDT", 12.5m)));
        handler.Enqueue(HttpStatusCode.OK, TestClients.Data("doc-asset-transfer-get.json"), Weights);
        Assert.IsType<Done<Models.UniversalTransferPage>>(
            await client.Wallet.GetUniversalTransferHistoryAsync(new UniversalTransferHistoryQuery(UniversalTransferType.FundingMain)));
        handler.Enqueue(HttpStatusCode.OK, """{"total":0,"rows":[]}""", Weights);
        Assert.IsType<Done<IReadOnlyList<Models.UniversalTransferRow>>>(
            await client.Wallet.GetAllUniversalTransferHistoryAsync(new UniversalTransferHistoryQuery(UniversalTransferType.FundingMain)));
        handler.Enqueue(HttpStatusCode.OK, TestClients.Data("doc-margin-transfer-get.json"), Weights);
        Assert.IsType<Done<Models.MarginTransferPage>>(
            await client.Margin.GetCrossMarginTransferHistoryAsync(new CrossMarginTransferHistoryQuery()));
        handler.Enqueue(HttpStatusCode.OK, """{"total":0,"rows":[]}""", Weights);
        Assert.IsType<Done<IReadOnlyList<Models.MarginTransferRow>>>(
            await client.Margin.GetAllCrossMarginTransferHistoryAsync(new CrossMarginTransferHistoryQuery()));
        Assert.IsType<Done<Models.ServerTimeResult>>(await client.General.GetServerTimeAsync());
        handler.Enqueue(HttpStatusCode.BadRequest, """{"code":-5002,"msg":"You have insufficient balance."}""", Weights);
        Assert.IsType<Rejected<Models.UniversalTransferResult>>(
            await client.Wallet.UniversalTransferAsync(new UniversalTransferRequest(UniversalTransferType.MainUmFuture, "USDT", 1m)));
    }

    [Fact]
    public void The_default_user_agent_names_ferry_its_version_and_its_address()
    {
        Assert.Matches(@"^ferry/\d+\.\d+\.\d+ \(\+https://[^ ()]+\)$", BinanceClientOptions.DefaultUserAgent);
        Assert.Equal(Ferry.Core.Product.FerryProduct.UserAgent, new BinanceClientOptions().UserAgent);
    }

    [Fact]
    public async Task Every_request_carries_the_user_agent_including_the_clock_measurement()
    {
        var client = _clients.Hmac();
        await CallEveryApiAsync(client);

        Assert.True(_clients.Handler.TimeRequests >= 1, "the clock measurement is a request too");
        Assert.True(_clients.Handler.Requests.Count >= 8);
        Assert.All(_clients.Handler.Requests, r => Assert.Equal(BinanceClientOptions.DefaultUserAgent, r.Header("User-Agent")));
    }

    [Fact]
    public async Task Request_log_names_method_path_status_and_weights_but_never_the_signature_query_or_key()
    {
        var client = _clients.Hmac(o => o.RequestLog = _log.Add);
        await CallEveryApiAsync(client);

        Assert.Equal(_clients.Handler.Requests.Count, _log.Count);
        Assert.StartsWith("POST /sapi/v1/asset/transfer -> HTTP 200, 22 bytes, ", _log[1], StringComparison.Ordinal);
        Assert.Contains("used weight: ip 7, uid 300", _log[1]);
        Assert.Contains(_log, l => l.StartsWith("POST /sapi/v1/asset/transfer -> HTTP 400", StringComparison.Ordinal));
        Assert.Contains(_log, l => l.StartsWith("GET /api/v3/time -> HTTP 200", StringComparison.Ordinal));

        var secretsOnTheWire = _clients.Handler.Requests
            .SelectMany(r => r.Query.Split('&').Concat((r.Body ?? "").Split('&')))
            .Where(p => p.StartsWith("signature=", StringComparison.Ordinal))
            .Select(p => p["signature=".Length..])
            .Append(TestClients.DocApiKey).Append(TestClients.DocSecret).ToList();
        Assert.True(secretsOnTheWire.Count >= 7, "the test must see the signatures it looks for");
        foreach (var line in _log)
        {
            Assert.DoesNotContain("?", line);
            Assert.DoesNotContain("signature", line);
            Assert.DoesNotContain("timestamp=", line);
            Assert.DoesNotContain("X-MBX-APIKEY", line, StringComparison.OrdinalIgnoreCase);
            foreach (var secret in secretsOnTheWire) Assert.DoesNotContain(secret, line);
        }
    }

    [Fact]
    public async Task Request_log_reports_an_unanswered_request_without_its_contents()
    {
        var client = _clients.Hmac(o => o.RequestLog = _log.Add);
        _clients.Handler.Enqueue((_, _) => throw new HttpRequestException("connection reset", new IOException("reset")));
        var outcome = await client.Wallet.UniversalTransferAsync(new UniversalTransferRequest(UniversalTransferType.MainUmFuture, "USDT", 3m));
        Assert.IsType<Unknown<Models.UniversalTransferResult>>(outcome);
        var line = Assert.Single(_log, l => l.Contains("no answer", StringComparison.Ordinal));
        Assert.StartsWith("POST /sapi/v1/asset/transfer -> no answer (HttpRequestException)", line, StringComparison.Ordinal);
        Assert.DoesNotContain(TestClients.DocApiKey, string.Join("\n", _log));
    }

    [Fact]
    public void Credentials_never_print_whole_in_a_client_or_its_options()
    {
        var credentials = new ApiCredentials(TestClients.DocApiKey, new SecretText(TestClients.DocSecret), SigningKind.Hmac);
        var client = _clients.With(credentials);
        foreach (var text in new[] { credentials.ToString(), client.ToString()!, client.Options.ToString()!, $"{credentials.Secret}" })
        {
            Assert.DoesNotContain(TestClients.DocApiKey, text);
            Assert.DoesNotContain(TestClients.DocSecret, text);
        }
    }
}
