using System.Text;
using BenchmarkDotNet.Attributes;
using Ferry.Binance.Signing;
using Ferry.Core.Credentials;

namespace Ferry.Benchmarks.Micro;

/// <summary>Signing alone, with each kind of key the client supports, over the payload of one universal transfer.</summary>
[MemoryDiagnoser]
public class SigningBenchmarks
{
    private static readonly byte[] Payload =
        Encoding.ASCII.GetBytes("type=MAIN_UMFUTURE&asset=USDT&amount=1&recvWindow=5000&timestamp=1763800000000");

    private RequestSigner _hmac = null!;
    private RequestSigner _ed25519 = null!;
    private RequestSigner _rsa = null!;
    private byte[] _destination = [];

    [GlobalSetup]
    public void Setup()
    {
        _hmac = RequestSigner.Create(new ApiCredentials("bench-key", new SecretText("ferry-bench-secret"), SigningKind.Hmac));
        _ed25519 = RequestSigner.Create(new ApiCredentials("bench-key", new SecretText(BenchKeys.NewEd25519Pem()), SigningKind.Ed25519));
        _rsa = RequestSigner.Create(new ApiCredentials("bench-key", new SecretText(BenchKeys.NewRsaPem()), SigningKind.Rsa));
        _destination = new byte[Math.Max(_rsa.MaxSignatureLength, Math.Max(_ed25519.MaxSignatureLength, _hmac.MaxSignatureLength))];
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _hmac.Dispose();
        _ed25519.Dispose();
        _rsa.Dispose();
    }

    [Benchmark(Baseline = true)]
    public int SignHmacSha256() => _hmac.Sign(Payload, _destination);

    [Benchmark]
    public int SignEd25519() => _ed25519.Sign(Payload, _destination);

    [Benchmark]
    public int SignRsa2048() => _rsa.Sign(Payload, _destination);
}
