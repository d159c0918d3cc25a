using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Security;
using Ferry.Simulator.Scenario;

namespace Ferry.Simulator.Binance;

/// <summary>Checks a request signature over the signed payload bytes. The signature is passed as it was on the wire.</summary>
internal interface ISignatureVerifier
{
    bool Verify(byte[] payload, string wireSignature);
}

/// <summary>Builds the verifier a scenario key asks for; throws <see cref="ArgumentException"/> on an unusable key.</summary>
internal static class SignatureVerifiers
{
    public static ISignatureVerifier Create(ScenarioApiKey key) =>
        key.Secret is not null ? new HmacVerifier(key.Secret)
        : key.Ed25519PublicKey is not null ? new Ed25519Verifier(key.Ed25519PublicKey)
        : key.RsaPublicKey is not null ? new RsaVerifier(key.RsaPublicKey)
        : throw new ArgumentException("The key has no secret and no public key.", nameof(key));

    /// <summary>Percent-decodes a base64 signature. A literal '+' stays '+' (it is base64, never a space).</summary>
    internal static byte[]? DecodeBase64(string wireSignature)
    {
        try
        {
            return Convert.FromBase64String(Uri.UnescapeDataString(wireSignature));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    internal static byte[] PemBody(string pem, string what)
    {
        try
        {
            var fields = PemEncoding.Find(pem);
            return Convert.FromBase64String(pem[fields.Base64Data]);
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            throw new ArgumentException($"The {what} is not a PEM block.", e);
        }
    }
}

/// <summary>HMAC-SHA256 with the secret; the signature is hex of either case.</summary>
internal sealed class HmacVerifier(string secret) : ISignatureVerifier
{
    private readonly byte[] _key = Encoding.UTF8.GetBytes(secret);

    public bool Verify(byte[] payload, string wireSignature)
    {
        byte[] given;
        try
        {
            given = Convert.FromHexString(Uri.UnescapeDataString(wireSignature));
        }
        catch (FormatException)
        {
            return false;
        }
        var expected = HMACSHA256.HashData(_key, payload);
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }
}

/// <summary>RSASSA-PKCS1-v1_5 with SHA-256; the signature is base64, percent-encoded on the wire.</summary>
internal sealed class RsaVerifier : ISignatureVerifier
{
    private readonly RSAParameters _parameters;

    public RsaVerifier(string pem)
    {
        using var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(pem);
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            throw new ArgumentException("The RSA public key is not a PEM public key.", e);
        }
        _parameters = rsa.ExportParameters(includePrivateParameters: false);
    }

    public bool Verify(byte[] payload, string wireSignature)
    {
        var signature = SignatureVerifiers.DecodeBase64(wireSignature);
        if (signature is null) return false;
        using var rsa = RSA.Create(_parameters);
        return rsa.VerifyData(payload, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    }
}

/// <summary>Pure Ed25519 (RFC 8032) with a SubjectPublicKeyInfo PEM key; the signature is base64, percent-encoded.</summary>
internal sealed class Ed25519Verifier : ISignatureVerifier
{
    private readonly Ed25519PublicKeyParameters _key;

    public Ed25519Verifier(string pem)
    {
        var der = SignatureVerifiers.PemBody(pem, "Ed25519 public key");
        try
        {
            _key = PublicKeyFactory.CreateKey(der) as Ed25519PublicKeyParameters
                ?? throw new ArgumentException("The Ed25519 public key PEM holds a different kind of key.");
        }
        catch (Exception e) when (e is not ArgumentException)
        {
            throw new ArgumentException("The Ed25519 public key PEM cannot be read.", e);
        }
    }

    public bool Verify(byte[] payload, string wireSignature)
    {
        var signature = SignatureVerifiers.DecodeBase64(wireSignature);
        if (signature is null || signature.Length != Ed25519PublicKeyParameters.KeySize * 2) return false;
        var signer = new Ed25519Signer();
        signer.Init(false, _key);
        signer.BlockUpdate(payload, 0, payload.Length);
        return signer.VerifySignature(signature);
    }
}
