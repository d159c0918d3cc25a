using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Ferry.Benchmarks.Sim;

/// <summary>The load generator's own Binance HMAC signing (hex of HMAC-SHA256 over the query), kept apart from the
/// client's so the bench measures the servers, not the client.</summary>
public static class SignedQuery
{
    /// <summary><paramref name="parameters"/> plus timestamp, a one-minute recvWindow and the signature.</summary>
    public static string Sign(string parameters, string secret, long timestampMs)
    {
        var payload = string.Create(CultureInfo.InvariantCulture, $"{parameters}&recvWindow=60000&timestamp={timestampMs}");
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(payload));
        return payload + "&signature=" + Convert.ToHexStringLower(mac);
    }

    /// <summary>True when <paramref name="signatureHex"/> is the HMAC of <paramref name="payload"/> (hex, either case).</summary>
    public static bool Verify(byte[] secret, ReadOnlySpan<char> payload, ReadOnlySpan<char> signatureHex)
    {
        Span<byte> data = stackalloc byte[Encoding.UTF8.GetMaxByteCount(payload.Length)];
        var length = Encoding.UTF8.GetBytes(payload, data);
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(secret, data[..length], mac);
        Span<byte> sent = stackalloc byte[32];
        return signatureHex.Length == 64 &&
               Convert.FromHexString(signatureHex, sent, out _, out var written) == System.Buffers.OperationStatus.Done &&
               written == 32 && CryptographicOperations.FixedTimeEquals(mac, sent);
    }
}
