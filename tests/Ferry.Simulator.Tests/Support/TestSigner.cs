using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;

namespace Ferry.Simulator.Tests.Support;

/// <summary>A signer written here for the tests only, straight from Binance's docs; shares nothing with the simulator.</summary>
public abstract class TestSigner
{
    public abstract string ApiKey { get; }

    /// <summary>The signature as it goes on the wire (already percent-encoded where the scheme needs it).</summary>
    public abstract string Sign(string payload);

    public static TestSigner Hmac(string apiKey, string secret, bool upperHex = false) => new HmacSigner(apiKey, secret, upperHex);
}

public sealed class HmacSigner(string apiKey, string secret, bool upperHex) : TestSigner
{
    public override string ApiKey => apiKey;

    public override string Sign(string payload)
    {
        var hex = Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.ASCII.GetBytes(payload)));
        return upperHex ? hex : hex.ToLowerInvariant();
    }
}

public sealed class RsaSigner(string apiKey, RSA rsa) : TestSigner
{
    private static readonly Lazy<RSA> Shared = new(() => RSA.Create(2048));

    public static RSA SharedKey => Shared.Value;

    public override string ApiKey => apiKey;

    public string PublicPem => rsa.ExportSubjectPublicKeyInfoPem();

    public override string Sign(string payload) =>
        Uri.EscapeDataString(Convert.ToBase64String(
            rsa.SignData(Encoding.ASCII.GetBytes(payload), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)));
}

public sealed class Ed25519TestSigner : TestSigner
{
    private readonly Ed25519PrivateKeyParameters _private;
    private readonly string _apiKey;

    public Ed25519TestSigner(string apiKey)
    {
        _apiKey = apiKey;
        var generator = new Ed25519KeyPairGenerator();
        generator.Init(new Ed25519KeyGenerationParameters(new SecureRandom()));
        var pair = generator.GenerateKeyPair();
        _private = (Ed25519PrivateKeyParameters)pair.Private;
        var spki = SubjectPublicKeyInfoFactory.CreateSubjectPublicKeyInfo(pair.Public).GetEncoded();
        PublicPem = "-----BEGIN PUBLIC KEY-----\n" + Convert.ToBase64String(spki) + "\n-----END PUBLIC KEY-----\n";
    }

    public override string ApiKey => _apiKey;

    public string PublicPem { get; }

    public override string Sign(string payload)
    {
        var signer = new Ed25519Signer();
        signer.Init(true, _private);
        var bytes = Encoding.ASCII.GetBytes(payload);
        signer.BlockUpdate(bytes, 0, bytes.Length);
        return Uri.EscapeDataString(Convert.ToBase64String(signer.GenerateSignature()));
    }
}
