using System.Security.Cryptography;
using Ferry.Simulator.Scenario;

namespace Ferry.Simulator.Binance;

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
