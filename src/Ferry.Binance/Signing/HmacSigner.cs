using System.Security.Cryptography;
using System.Text;
using Ferry.Credentials;

namespace Ferry.Binance.Signing;

/// <summary>HMAC-SHA256 keyed by the secret, written as lower-case hex (Binance accepts either case).</summary>
public sealed class HmacSigner : RequestSigner
{
    private const string LowerHex = "0123456789abcdef";
    private readonly byte[] _key;

    /// <summary>Keeps the UTF-8 bytes of the secret as the HMAC key.</summary>
    public HmacSigner(SecretText secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        _key = Encoding.UTF8.GetBytes(secret.Reveal());
    }

    /// <inheritdoc />
    public override int MaxSignatureLength => 64;

    /// <inheritdoc />
    public override SigningKind Kind => SigningKind.Hmac;

    /// <inheritdoc />
    public override int Sign(ReadOnlySpan<byte> payload, Span<byte> destination)
    {
        Span<byte> hash = stackalloc byte[32];
        HMACSHA256.HashData(_key, payload, hash);
        for (var i = 0; i < hash.Length; i++)
        {
            destination[2 * i] = (byte)LowerHex[hash[i] >> 4];
            destination[(2 * i) + 1] = (byte)LowerHex[hash[i] & 0xF];
        }

        return 64;
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing) => CryptographicOperations.ZeroMemory(_key);
}
