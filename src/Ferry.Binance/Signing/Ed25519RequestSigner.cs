using System.Formats.Asn1;
using System.Security.Cryptography;
using Ferry.Core.Credentials;
using NSec.Cryptography;

namespace Ferry.Binance.Signing;

/// <summary>Pure Ed25519 (RFC 8032) from a PKCS#8 PEM private key via libsodium (NSec); base64, then percent-encoded.</summary>
public sealed class Ed25519RequestSigner : RequestSigner
{
    private const string Ed25519Oid = "1.3.101.112";
    private const int SeedLength = 32;

    // libsodium keeps the key in its own guarded memory; signing with it is thread-safe and allocates nothing.
    private readonly Key _key;

    /// <summary>Reads the PKCS#8 PEM key; a malformed or non-Ed25519 key throws here.</summary>
    /// <exception cref="ArgumentException">The secret is not a PKCS#8 PEM Ed25519 private key.</exception>
    public Ed25519RequestSigner(SecretText privateKeyPem)
    {
        ArgumentNullException.ThrowIfNull(privateKeyPem);
        var der = DecodePem(privateKeyPem.Reveal(), "PRIVATE KEY")
            ?? throw new ArgumentException("The Ed25519 key is not a PKCS#8 PEM private key (a '-----BEGIN PRIVATE KEY-----' block).", nameof(privateKeyPem));
        byte[]? seed = null;
        try
        {
            seed = ReadSeed(der)
                ?? throw new ArgumentException("The Ed25519 key's PEM block holds a private key of another algorithm.", nameof(privateKeyPem));
            _key = Key.Import(SignatureAlgorithm.Ed25519, seed, KeyBlobFormat.RawPrivateKey);
        }
        catch (Exception e) when (e is AsnContentException or CryptographicException or FormatException)
        {
            throw new ArgumentException("The Ed25519 key could not be read: its PEM block is not a valid PKCS#8 private key.", nameof(privateKeyPem));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(der);
            if (seed is not null)
            {
                CryptographicOperations.ZeroMemory(seed);
            }
        }
    }

    /// <inheritdoc />
    public override int MaxSignatureLength => 88 * 3;

    /// <inheritdoc />
    public override SigningKind Kind => SigningKind.Ed25519;

    /// <inheritdoc />
    public override int Sign(ReadOnlySpan<byte> payload, Span<byte> destination)
    {
        Span<byte> signature = stackalloc byte[64];
        SignatureAlgorithm.Ed25519.Sign(_key, payload, signature);
        return WriteEncodedBase64(signature, destination);
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _key.Dispose();
        }
    }

    /// <summary>
    /// The 32-byte seed of a PKCS#8 v1 or v2 (RFC 5958/8410) Ed25519 key; null when the key is of another algorithm.
    /// Read here rather than by the library so a key that also carries its public key (v2) is accepted too.
    /// </summary>
    /// <exception cref="AsnContentException">The DER is not a PKCS#8 private key, or its Ed25519 key is not 32 bytes.</exception>
    private static byte[]? ReadSeed(byte[] der)
    {
        var reader = new AsnReader(der, AsnEncodingRules.DER);
        var info = reader.ReadSequence();
        reader.ThrowIfNotEmpty();
        if (!info.TryReadInt32(out var version) || version is not (0 or 1))
        {
            throw new AsnContentException("Unsupported PKCS#8 version.");
        }

        var algorithm = info.ReadSequence();
        if (algorithm.ReadObjectIdentifier() != Ed25519Oid)
        {
            return null;
        }

        // RFC 8410: the private key OCTET STRING wraps a CurvePrivateKey OCTET STRING holding the seed.
        var wrapped = info.ReadOctetString();
        try
        {
            var inner = new AsnReader(wrapped, AsnEncodingRules.DER);
            var seed = inner.ReadOctetString();
            inner.ThrowIfNotEmpty();
            if (seed.Length != SeedLength)
            {
                CryptographicOperations.ZeroMemory(seed);
                throw new AsnContentException("The Ed25519 private key is not 32 bytes.");
            }

            return seed;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(wrapped);
        }
    }
}
