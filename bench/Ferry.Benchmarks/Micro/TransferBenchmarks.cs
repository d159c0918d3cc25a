using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using Ferry.Binance;
using Ferry.Binance.Wallet;
using Ferry.Core.Credentials;
using Ferry.Core.Outcomes;

namespace Ferry.Benchmarks.Micro;

/// <summary>
/// One universal transfer built, HMAC-signed, sent and parsed by the real client against an in-memory handler,
/// next to an in-memory floor: a plain HttpMessageInvoker sending a pre-signed POST to the same handler.
/// </summary>
[MemoryDiagnoser]
public class TransferBenchmarks
{
    private const string ApiKey = "ferry-bench-key";
    private const string Secret = "ferry-bench-secret";
    private static readonly UniversalTransferRequest Request = new(UniversalTransferType.MainUmFuture, "USDT", 1m);
    private static readonly Uri TransferUri = new("http://127.0.0.1:9/sapi/v1/asset/transfer");

    private BinanceClient _client = null!;
    private HttpMessageInvoker _floor = null!;
    private byte[] _preSignedBody = [];

    [GlobalSetup]
    public void Setup()
    {
        _client = new BinanceClient(
            new ApiCredentials(ApiKey, new SecretText(Secret), SigningKind.Hmac),
            BenchClientOptions.Create(new Uri("http://127.0.0.1:9/"), TimeSpan.FromSeconds(1)),
            new CannedBinanceHandler());
        _floor = new HttpMessageInvoker(new CannedBinanceHandler());
        var payload = $"type=MAIN_UMFUTURE&asset=USDT&amount=1&recvWindow=60000&timestamp={DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()}";
        var signature = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.ASCII.GetBytes(payload)));
        _preSignedBody = Encoding.ASCII.GetBytes(payload + "&signature=" + signature);

        // Measure the server clock once, as a long-lived client would have done before its first transfer.
        if (_client.Clock.MeasureAsync().GetAwaiter().GetResult() is not Done<TimeSpan>)
        {
            throw new InvalidOperationException("The canned handler did not answer the time request.");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _client.Dispose();
        _floor.Dispose();
    }

    /// <summary>The floor: build a request around pre-signed bytes, send it, read the body as a string.</summary>
    [Benchmark(Baseline = true)]
    public async Task<int> FloorPreSignedInvoker()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, TransferUri) { Content = new ByteArrayContent(_preSignedBody) };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/x-www-form-urlencoded");
        request.Headers.TryAddWithoutValidation("X-MBX-APIKEY", ApiKey);
        using var response = await _floor.SendAsync(request, CancellationToken.None).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        return body.Length;
    }

    /// <summary>Ferry: validate, write the form, timestamp, HMAC-sign, rate-limit, send, classify and parse.</summary>
    [Benchmark]
    public async Task<long> ClientUniversalTransferHmac()
    {
        var outcome = await _client.Wallet.UniversalTransferAsync(Request).ConfigureAwait(false);
        return outcome is Done<Ferry.Binance.Models.UniversalTransferResult> done
            ? done.Value.TranId
            : throw new InvalidOperationException(outcome.Describe());
    }
}
