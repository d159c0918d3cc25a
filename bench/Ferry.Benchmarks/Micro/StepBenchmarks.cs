using System.Buffers;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Ferry.Binance;
using Ferry.Binance.Http;
using Ferry.Binance.Models;
using Ferry.Binance.Wallet;
using Ferry.Core.Money;
using Ferry.Core.Outcomes;

namespace Ferry.Benchmarks.Micro;

/// <summary>
/// The sub-steps of one transfer, each rebuilt from the client's public pieces the way
/// src/Ferry.Binance/Http/HttpExchange.cs chains them, so the allocation of the whole can be attributed.
/// </summary>
[MemoryDiagnoser]
public class StepBenchmarks
{
    private static readonly Uri TransferUri = new("http://127.0.0.1:9/sapi/v1/asset/transfer");
    private readonly HttpMessageInvoker _invoker = new(new CannedBinanceHandler());
    private readonly WeightLimiter _limiter = new(BinanceEndpoints.All, BenchClientOptions.Create(new Uri("http://127.0.0.1:9/"), TimeSpan.FromSeconds(1)));
    private readonly byte[] _body = "type=MAIN_UMFUTURE&asset=USDT&amount=1&recvWindow=5000&timestamp=1763800000000&signature=0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"u8.ToArray();

    /// <summary>UniversalTransferRequest.Validate → InputRules.Amount → WireDecimal.DecimalPlaces (formats the amount once).</summary>
    [Benchmark]
    public int ValidateAmount() => WireDecimal.DecimalPlaces(1m);

    /// <summary>ParameterWriter: type, asset, amount (formats the amount again), recvWindow, timestamp; pooled buffer.</summary>
    [Benchmark]
    public int WriteForm()
    {
        var writer = new ParameterWriter();
        writer.Add("type", UniversalTransferType.MainUmFuture.WireName());
        writer.Add("asset", "USDT");
        writer.Add("amount", 1m);
        writer.Add("recvWindow", 5000L);
        writer.Add("timestamp", 1763800000000L);
        var length = writer.Length;
        writer.Dispose();
        return length;
    }

    /// <summary>WeightLimiter: reserve the UID weight (lock, clock read, window roll), then sync from the response header.</summary>
    [Benchmark]
    public async Task<bool> LimiterAcquireAndObserve()
    {
        var grant = await _limiter.AcquireAsync(BinanceEndpoints.UniversalTransfer, CancellationToken.None).ConfigureAwait(false);
        _limiter.Observe(BinanceEndpoints.UniversalTransfer, null, 300);
        return grant.Granted;
    }

    /// <summary>The per-call timeout: a CancellationTokenSource with a timer, as HttpExchange.SendAsync creates.</summary>
    [Benchmark]
    public bool TimeoutTokenSource()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10), TimeProvider.System);
        return timeout.IsCancellationRequested;
    }

    /// <summary>HttpRequestMessage + ByteArrayContent + Content-Type, X-MBX-APIKEY and User-Agent headers.</summary>
    [Benchmark]
    public int BuildRequestMessage()
    {
        using var request = NewRequest();
        return request.Headers.NonValidated.Count;
    }

    /// <summary>Sending through the in-memory handler (its response objects included) and reading the body into a pooled buffer.</summary>
    [Benchmark]
    public async Task<int> SendAndReadPooled()
    {
        using var request = NewRequest();
        using var response = await _invoker.SendAsync(request, CancellationToken.None).ConfigureAwait(false);
        var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var buffer = ArrayPool<byte>.Shared.Rent(4096);
            var read = await stream.ReadAsync(buffer.AsMemory()).ConfigureAwait(false);
            ArrayPool<byte>.Shared.Return(buffer);
            return read;
        }
    }

    /// <summary>Deserialising {"tranId":...} with the source-generated context and wrapping it in Done.</summary>
    [Benchmark]
    public Outcome<UniversalTransferResult> ParseResult()
    {
        var value = JsonSerializer.Deserialize(CannedBinanceHandler.TransferBody, BinanceJsonContext.Default.UniversalTransferResult)!;
        return new Done<UniversalTransferResult>(value);
    }

    private HttpRequestMessage NewRequest()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, TransferUri) { Content = new ByteArrayContent(_body) };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/x-www-form-urlencoded");
        request.Headers.TryAddWithoutValidation("X-MBX-APIKEY", "ferry-bench-key");
        request.Headers.TryAddWithoutValidation("User-Agent", "ferry/0.1.0");
        return request;
    }
}
