using System.Security.Cryptography;
using Ferry.Core.Credentials;

namespace Ferry.Binance.Signing;

/// <summary>RSASSA-PKCS1-v1_5 with SHA-256 from a PKCS#8 PEM private key; base64, then percent-encoded.</summary>
public sealed class RsaSigner : RequestSigner
{
    private readonly RSA _rsa;
    private readonly Lock _gate = new();

    /// <summary>Imports the PKCS#8 PEM key; a malformed or non-RSA key throws here.</summary>
    /// <exception cref="ArgumentException">The secret is not a PKCS#8 PEM RSA private key.</exception>
    public RsaSigner(SecretText privateKeyPem)
    {
        ArgumentNullException.ThrowIfNull(privateKeyPem);
        var der = DecodePem(privateKeyPem.Reveal(), "PRIVATE KEY")
            ?? throw new ArgumentException("The RSA key is not a PKCS#8 PEM private key (a '-----BEGIN PRIVATE KEY-----' block).", nameof(privateKeyPem));
        _rsa = RSA.Create();
        try
        {
            _rsa.ImportPkcs8PrivateKey(der, out _);
        }
        catch (CryptographicException)
        {
            _rsa.Dispose();
            throw new ArgumentException("The RSA key could not be read: its PKCS#8 PEM block does not hold an RSA private key.", nameof(privateKeyPem));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(der);
        }

        if (_rsa.KeySize < 2048)
        {
            var size = _rsa.KeySize;
            _rsa.Dispose();
            throw new ArgumentException($"The RSA key has {size} bits; Binance needs at least 2048.", nameof(privateKeyPem));
        }

        SignatureBytes = _rsa.KeySize / 8;
    }

    private int SignatureBytes { get; }

    /// <inheritdoc />
    public override int MaxSignatureLength => ((SignatureBytes + 2) / 3 * 4) * 3;

    /// <inheritdoc />
    public override SigningKind Kind => SigningKind.Rsa;

    /// <inheritdoc />
    public override int Sign(ReadOnlySpan<byte> payload, Span<byte> destination)
    {
        Span<byte> signature = stackalloc byte[SignatureBytes];
        int written;
        lock (_gate)
        {
            if (!_rsa.TrySignData(payload, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1, out written))
            {
                throw new CryptographicException("The RSA signature did not fit its buffer.");
            }
        }

        return WriteEncodedBase64(signature[..written], destination);
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _rsa.Dispose();
        }
    }
}
