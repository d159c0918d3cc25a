using Ferry.Credentials;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math.EC.Rfc8032;
using Org.BouncyCastle.Security;

namespace Ferry.Binance.Signing;

/// <summary>Pure Ed25519 (RFC 8032) from a PKCS#8 PEM private key via BouncyCastle; base64, then percent-encoded.</summary>
public sealed class Ed25519RequestSigner : RequestSigner
{
    private readonly Ed25519PrivateKeyParameters _key;

    /// <summary>Reads the PKCS#8 PEM key; a malformed or non-Ed25519 key throws here.</summary>
    /// <exception cref="ArgumentException">The secret is not a PKCS#8 PEM Ed25519 private key.</exception>
    public Ed25519RequestSigner(SecretText privateKeyPem)
    {
        ArgumentNullException.ThrowIfNull(privateKeyPem);
        var der = DecodePem(privateKeyPem.Reveal(), "PRIVATE KEY")
            ?? throw new ArgumentException("The Ed25519 key is not a PKCS#8 PEM private key (a '-----BEGIN PRIVATE KEY-----' block).", nameof(privateKeyPem));
        try
        {
            _key = PrivateKeyFactory.CreateKey(der) as Ed25519PrivateKeyParameters
                ?? throw new ArgumentException("The Ed25519 key's PEM block holds a private key of another algorithm.", nameof(privateKeyPem));
        }
        catch (Exception e) when (e is not ArgumentException)
        {
            throw new ArgumentException("The Ed25519 key could not be read: its PEM block is not a valid PKCS#8 private key.", nameof(privateKeyPem));
        }
        finally
        {
            Array.Clear(der);
        }
    }

    /// <inheritdoc />
    public override int MaxSignatureLength => 88 * 3;

    /// <inheritdoc />
    public override SigningKind Kind => SigningKind.Ed25519;

    /// <inheritdoc />
    public override int Sign(ReadOnlySpan<byte> payload, Span<byte> destination)
    {
        // BouncyCastle 1.8 takes arrays; the copy is the price of a portable Ed25519.
        var message = payload.ToArray();
        var signature = new byte[Ed25519.SignatureSize];
        _key.Sign(Ed25519.Algorithm.Ed25519, null, message, 0, message.Length, signature, 0);
        return WriteEncodedBase64(signature, destination);
    }
}
