using System.Security.Cryptography;

namespace Ferry.Simulator.Signing;

/// <summary>Builds the verifier for a key's one way of signing; throws <see cref="ArgumentException"/> on an unusable key.</summary>
internal static class SignatureVerifiers
{
    public static ISignatureVerifier Create(string? secret, string? ed25519PublicKey, string? rsaPublicKey) =>
        secret is not null ? new HmacVerifier(secret)
        : ed25519PublicKey is not null ? new Ed25519Verifier(ed25519PublicKey)
        : rsaPublicKey is not null ? new RsaVerifier(rsaPublicKey)
        : throw new ArgumentException("The key has no secret and no public key.", nameof(secret));

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
