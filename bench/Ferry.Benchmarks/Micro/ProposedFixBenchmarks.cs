using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using Ferry.Binance.Signing;
using Ferry.Core.Credentials;
using Ferry.Core.Money;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;
using BcEd25519 = Org.BouncyCastle.Math.EC.Rfc8032.Ed25519;

namespace Ferry.Benchmarks.Micro;

/// <summary>
/// The client's current way next to a proposed one, for each hot-path item the sub-step benchmarks showed
/// (the client itself is not changed here; these measure what a change would buy).
/// </summary>
[MemoryDiagnoser]
public class ProposedFixBenchmarks
{
    private const string LowerHex = "0123456789abcdef";
    private static readonly byte[] Payload =
        Encoding.ASCII.GetBytes("type=MAIN_UMFUTURE&asset=USDT&amount=1&recvWindow=5000&timestamp=1763800000000");

    private readonly byte[] _destination = new byte[512];
    private readonly byte[] _hmacKey = Encoding.UTF8.GetBytes("ferry-bench-secret");
    private readonly Lock _hmacGate = new();
    private IncrementalHash _hmac = null!;
    private RequestSigner _ed25519Current = null!;
    private byte[] _ed25519Secret = [];
    private byte[] _ed25519Public = [];

    [GlobalSetup]
    public void Setup()
    {
        _hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _hmacKey);
        var pem = BenchKeys.NewEd25519Pem();
        _ed25519Current = RequestSigner.Create(new ApiCredentials("bench-key", new SecretText(pem), SigningKind.Ed25519));
        var der = Convert.FromBase64String(string.Concat(pem.Split('\n').Where(l => !l.StartsWith("-----", StringComparison.Ordinal))));
        var key = (Ed25519PrivateKeyParameters)PrivateKeyFactory.CreateKey(der);
        _ed25519Secret = key.GetEncoded();
        _ed25519Public = key.GeneratePublicKey().GetEncoded();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _hmac.Dispose();
        _ed25519Current.Dispose();
    }

    /// <summary>Current HmacSigner: one-shot HMACSHA256.HashData, which sets up a new HMAC context (key schedule) per call.</summary>
    [Benchmark]
    public int HmacOneShotCurrent()
    {
        Span<byte> hash = stackalloc byte[32];
        HMACSHA256.HashData(_hmacKey, Payload, hash);
        return Hex(hash, _destination);
    }

    /// <summary>Proposed: one IncrementalHash.CreateHMAC per signer, reused under a lock (GetHashAndReset keeps the key).</summary>
    [Benchmark]
    public int HmacReusedIncrementalProposed()
    {
        Span<byte> hash = stackalloc byte[32];
        lock (_hmacGate)
        {
            _hmac.AppendData(Payload);
            _hmac.GetHashAndReset(hash);
        }

        return Hex(hash, _destination);
    }

    /// <summary>Ed25519RequestSigner.Sign as it is now (libsodium through NSec, into a stack span).</summary>
    [Benchmark]
    public int Ed25519Current() => _ed25519Current.Sign(Payload, _destination);

    /// <summary>The rejected proposal on the old library: BouncyCastle 1.8.10's static Ed25519.Sign with a cached public key.</summary>
    [Benchmark]
    public int Ed25519CachedPublicKeyProposed()
    {
        var signature = new byte[BcEd25519.SignatureSize];
        BcEd25519.Sign(_ed25519Secret, 0, _ed25519Public, 0, Payload, 0, Payload.Length, signature, 0);
        return signature.Length;
    }

    /// <summary>Current: WireDecimal.Format twice per transfer (Validate's DecimalPlaces, then ParameterWriter.Add).</summary>
    [Benchmark]
    public int AmountFormattedTwiceCurrent() => WireDecimal.DecimalPlaces(1.5m) + WireDecimal.Format(1.5m).Length;

    /// <summary>Proposed: strip trailing zeros arithmetically, read places from decimal.Scale, format UTF-8 straight into the buffer.</summary>
    [Benchmark]
    public int AmountScaleAndUtf8Proposed()
    {
        var normalized = 1.5m / 1.0000000000000000000000000000m;
        var places = normalized.Scale;
        Utf8Formatter.TryFormat(normalized, _destination, out var written);
        return places + written;
    }

    private static int Hex(ReadOnlySpan<byte> hash, Span<byte> destination)
    {
        for (var i = 0; i < hash.Length; i++)
        {
            destination[2 * i] = (byte)LowerHex[hash[i] >> 4];
            destination[(2 * i) + 1] = (byte)LowerHex[hash[i] & 0xF];
        }

        return hash.Length * 2;
    }
}
