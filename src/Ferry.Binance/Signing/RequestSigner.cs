using Ferry.Core.Credentials;

namespace Ferry.Binance.Signing;

/// <summary>
/// Signs the exact payload bytes of a request (query string + body as sent) and writes the value of the
/// <c>signature</c> parameter, already in its wire form (hex, or percent-encoded base64).
/// </summary>
public abstract class RequestSigner : IDisposable
{
    /// <summary>The most bytes <see cref="Sign"/> can write.</summary>
    public abstract int MaxSignatureLength { get; }

    /// <summary>Which kind of key this signer holds.</summary>
    public abstract SigningKind Kind { get; }

    /// <summary>Writes the wire form of the signature of <paramref name="payload"/>; returns its length.</summary>
    public abstract int Sign(ReadOnlySpan<byte> payload, Span<byte> destination);

    /// <summary>Builds the signer for <paramref name="credentials"/>; a bad key fails here, never at send time.</summary>
    /// <exception cref="ArgumentException">The secret is not a usable key of its kind.</exception>
    public static RequestSigner Create(ApiCredentials credentials)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        return credentials.Kind switch
        {
            SigningKind.Hmac => new HmacSigner(credentials.Secret),
            SigningKind.Rsa => new RsaSigner(credentials.Secret),
            SigningKind.Ed25519 => new Ed25519RequestSigner(credentials.Secret),
            _ => throw new ArgumentException($"Signing kind {credentials.Kind} is not supported by the Binance client.", nameof(credentials)),
        };
    }

    /// <summary>The wire form of the signature as a string (for tests and tools; the hot path uses <see cref="Sign"/>).</summary>
    public string SignToString(ReadOnlySpan<byte> payload)
    {
        var buffer = new byte[MaxSignatureLength];
        var written = Sign(payload, buffer);
        return System.Text.Encoding.ASCII.GetString(buffer, 0, written);
    }

    /// <summary>Releases the key material.</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the key material.</summary>
    protected virtual void Dispose(bool disposing)
    {
    }

    /// <summary>Base64 of <paramref name="signature"/>, percent-encoded (<c>+ / =</c> become <c>%2B %2F %3D</c>).</summary>
    protected static int WriteEncodedBase64(ReadOnlySpan<byte> signature, Span<byte> destination)
    {
        Span<byte> base64 = stackalloc byte[System.Buffers.Text.Base64.GetMaxEncodedToUtf8Length(signature.Length)];
        System.Buffers.Text.Base64.EncodeToUtf8(signature, base64, out _, out var length);
        return Http.PercentEncoding.EncodeAscii(base64[..length], destination);
    }

    /// <summary>Extracts the DER bytes between the BEGIN/END lines of a PEM block with <paramref name="label"/>.</summary>
    protected static byte[]? DecodePem(string pem, string label)
    {
        var begin = $"-----BEGIN {label}-----";
        var end = $"-----END {label}-----";
        var start = pem.IndexOf(begin, StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        start += begin.Length;
        var stop = pem.IndexOf(end, start, StringComparison.Ordinal);
        if (stop < 0)
        {
            return null;
        }

        var body = pem.AsSpan(start, stop - start);
        var buffer = new byte[body.Length];
        return Convert.TryFromBase64Chars(body.ToString().Replace("\r", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal).Trim(), buffer, out var written)
            ? buffer[..written]
            : null;
    }
}
