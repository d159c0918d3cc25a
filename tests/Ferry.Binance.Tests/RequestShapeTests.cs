using System.Net;
using System.Security.Cryptography;
using System.Text;
using Ferry.Binance.Margin;
using Ferry.Binance.Tests.Support;
using Ferry.Binance.Wallet;
using Ferry.Core.Outcomes;

namespace Ferry.Binance.Tests;

/// <summary>What goes on the wire: placement of parameters, signature, headers.</summary>
public sealed class RequestShapeTests : IDisposable
{
    private readonly TestClients _clients = new();

    public void Dispose() => _clients.Dispose();

    private static string Hmac(string payload) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(TestClients.DocSecret), Encoding.ASCII.GetBytes(payload)));

    [Fact]
    public async Task Universal_transfer_posts_a_signed_form_body_in_insertion_order()
    {
        var client = _clients.Hmac();
        _clients.Handler.ServerSkew = TimeSpan.FromMilliseconds(1234);
        _clients.Handler.Enqueue(HttpStatusCode.OK, "{\"tranId\":13526853623}");

        var outcome = await client.Wallet.UniversalTransferAsync(new UniversalTransferRequest(UniversalTransferType.MainUmFuture, "USDT", 12.50m));

        Assert.Equal(13526853623L, Assert.IsType<Done<Models.UniversalTransferResult>>(outcome).Value.TranId);
        var sent = Assert.Single(_clients.Handler.Calls);
        Assert.Equal(HttpMethod.Post, sent.Method);
        Assert.Equal("https://api.binance.com/sapi/v1/asset/transfer", sent.Uri.ToString());
        Assert.Equal("", sent.Query);
        Assert.Equal("application/x-www-form-urlencoded", sent.ContentType);
        var expectedTimestamp = (_clients.Time.GetUtcNow() + TimeSpan.FromMilliseconds(1234)).ToUnixTimeMilliseconds();
        var unsigned = $"type=MAIN_UMFUTURE&asset=USDT&amount=12.5&recvWindow=5000&timestamp={expectedTimestamp}";
        Assert.Equal($"{unsigned}&signature={Hmac(unsigned)}", sent.Body);
        Assert.Equal(TestClients.DocApiKey, sent.Header("X-MBX-APIKEY"));
        Assert.Equal(BinanceClientOptions.DefaultUserAgent, sent.Header("User-Agent"));
        Assert.StartsWith("ferry/", BinanceClientOptions.DefaultUserAgent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Isolated_transfer_carries_both_symbols_after_the_amount()
    {
        var client = _clients.Hmac(o => o.RecvWindow = 60000);
        _clients.Handler.Enqueue(HttpStatusCode.OK, "{\"tranId\":1}");

        await client.Wallet.UniversalTransferAsync(new UniversalTransferRequest(UniversalTransferType.IsolatedMarginIsolatedMargin, "BTC", 0.00000001m)
        {
            FromSymbol = "BTCUSDT",
            ToSymbol = "ETHBTC",
        });

        Assert.StartsWith("type=ISOLATEDMARGIN_ISOLATEDMARGIN&asset=BTC&amount=0.00000001&fromSymbol=BTCUSDT&toSymbol=ETHBTC&recvWindow=60000&timestamp=",
            _clients.Handler.Calls[0].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task History_sends_get_parameters_in_the_query_with_the_signature_last_and_no_body()
    {
        var client = _clients.Hmac(o => o.UserAgent = "custom-agent/1");
        _clients.Handler.Enqueue(HttpStatusCode.OK, TestClients.Data("doc-asset-transfer-get.json"));
        var start = DateTimeOffset.FromUnixTimeMilliseconds(1544400000000);

        var outcome = await client.Wallet.GetUniversalTransferHistoryAsync(new UniversalTransferHistoryQuery(UniversalTransferType.FundingMain)
        {
            StartTime = start,
            Current = 2,
            Size = 100,
            RecvWindow = 7000,
        });

        Assert.True(outcome.IsDone);
        var sent = Assert.Single(_clients.Handler.Calls);
        Assert.Equal(HttpMethod.Get, sent.Method);
        Assert.Null(sent.Body);
        Assert.Equal("/sapi/v1/asset/transfer", sent.Path);
        var ts = _clients.Time.GetUtcNow().ToUnixTimeMilliseconds();
        var unsigned = $"type=FUNDING_MAIN&startTime=1544400000000&current=2&size=100&recvWindow=7000&timestamp={ts}";
        Assert.Equal($"{unsigned}&signature={Hmac(unsigned)}", sent.Query);
        Assert.Equal("custom-agent/1", sent.Header("User-Agent"));
        Assert.Equal(TestClients.DocApiKey, sent.Header("X-MBX-APIKEY"));
    }

    [Fact]
    public async Task Margin_history_writes_every_filter()
    {
        var client = _clients.Hmac();
        _clients.Handler.Enqueue(HttpStatusCode.OK, TestClients.Data("doc-margin-transfer-get.json"));
        var end = DateTimeOffset.FromUnixTimeMilliseconds(1566898617000);

        var outcome = await client.Margin.GetCrossMarginTransferHistoryAsync(new CrossMarginTransferHistoryQuery
        {
            Asset = "BNB",
            Type = MarginTransferDirection.RollOut,
            StartTime = end.AddDays(-30),
            EndTime = end,
            Current = 1,
            Size = 10,
            IsolatedSymbol = "BNBUSDT",
        });

        Assert.Equal(3, Assert.IsType<Done<Models.MarginTransferPage>>(outcome).Value.Rows.Count);
        Assert.StartsWith($"asset=BNB&type=ROLL_OUT&startTime={end.AddDays(-30).ToUnixTimeMilliseconds()}&endTime=1566898617000&current=1&size=10&isolatedSymbol=BNBUSDT&recvWindow=5000&timestamp=",
            _clients.Handler.Calls[0].Query, StringComparison.Ordinal);
        Assert.Equal("/sapi/v1/margin/transfer", _clients.Handler.Calls[0].Path);
    }

    [Fact]
    public async Task Server_time_is_unsigned_and_carries_no_key()
    {
        var client = _clients.Hmac();
        _clients.Handler.ServerSkew = TimeSpan.FromSeconds(-3);

        var outcome = await client.General.GetServerTimeAsync();

        var time = Assert.IsType<Done<Models.ServerTimeResult>>(outcome).Value.ServerTime;
        Assert.Equal(_clients.Time.GetUtcNow().AddSeconds(-3).ToUnixTimeMilliseconds(), time.ToUnixTimeMilliseconds());
        var sent = Assert.Single(_clients.Handler.Requests);
        Assert.Equal("https://api.binance.com/api/v3/time", sent.Uri.ToString());
        Assert.Null(sent.Header("X-MBX-APIKEY"));
    }

    [Fact]
    public async Task Rsa_and_ed25519_signatures_are_sent_percent_encoded_at_the_end()
    {
        var rsa = _clients.With(new Ferry.Core.Credentials.ApiCredentials("test-only-rsa-key", new Ferry.Core.Credentials.SecretText(TestClients.Data("test-only-rsa-private.pem")), Ferry.Core.Credentials.SigningKind.Rsa));
        var ed = _clients.With(new Ferry.Core.Credentials.ApiCredentials("test-only-ed-key", new Ferry.Core.Credentials.SecretText(TestClients.Data("test-only-ed25519-private.pem")), Ferry.Core.Credentials.SigningKind.Ed25519));
        _clients.Handler.Enqueue(HttpStatusCode.OK, "{\"tranId\":1}").Enqueue(HttpStatusCode.OK, "{\"tranId\":2}");
        var request = new UniversalTransferRequest(UniversalTransferType.MainFunding, "USDT", 1m);

        await rsa.Wallet.UniversalTransferAsync(request);
        await ed.Wallet.UniversalTransferAsync(request);

        foreach (var (sent, publicPem) in new[] { (_clients.Handler.Calls[0], "test-only-rsa-public.pem"), (_clients.Handler.Calls[1], "test-only-ed25519-public.pem") })
        {
            var at = sent.Body!.IndexOf("&signature=", StringComparison.Ordinal);
            var payload = Encoding.ASCII.GetBytes(sent.Body[..at]);
            var encoded = sent.Body[(at + "&signature=".Length)..];
            Assert.DoesNotContain("+", encoded, StringComparison.Ordinal);
            Assert.DoesNotContain("/", encoded, StringComparison.Ordinal);
            var signature = Convert.FromBase64String(Uri.UnescapeDataString(encoded));
            Assert.True(Verify(publicPem, payload, signature), $"signature of {sent.Header("X-MBX-APIKEY")} does not verify");
        }
    }

    private static bool Verify(string publicPemFile, byte[] payload, byte[] signature)
    {
        var pem = TestClients.Data(publicPemFile);
        if (publicPemFile.Contains("rsa", StringComparison.Ordinal))
        {
            using var rsa = RSA.Create();
            rsa.ImportFromPem(pem);
            return rsa.VerifyData(payload, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        }

        var key = (Org.BouncyCastle.Crypto.Parameters.Ed25519PublicKeyParameters)Org.BouncyCastle.Security.PublicKeyFactory.CreateKey(
            Convert.FromBase64String(string.Concat(pem.Split('\n').Where(l => !l.StartsWith("-----", StringComparison.Ordinal)))));
        var verifier = new Org.BouncyCastle.Crypto.Signers.Ed25519Signer();
        verifier.Init(false, key);
        verifier.BlockUpdate(payload, 0, payload.Length);
        return verifier.VerifySignature(signature);
    }
}
