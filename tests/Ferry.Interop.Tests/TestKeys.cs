using System.Security.Cryptography;
using Org.BouncyCastle.Crypto.Parameters;

namespace Ferry.Interop.Tests;

/// <summary>The API keys of one interop run: an HMAC key, an RSA key and an Ed25519 key with every permission the
/// tests need, and an HMAC key without permitsUniversalTransfer. Key pairs are generated fresh per test run.</summary>
internal sealed record TestKeys(
    string HmacApiKey, string HmacSecret,
    string RsaApiKey, string RsaPrivatePem, string RsaPublicPem,
    string Ed25519ApiKey, string Ed25519PrivatePem, string Ed25519PublicPem,
    string NoPermApiKey, string NoPermSecret)
{
    private static readonly Lazy<TestKeys> Shared = new(Generate);

    /// <summary>One set of keys for the whole test run (2048-bit RSA generation is the slow part).</summary>
    public static TestKeys Instance => Shared.Value;

    private static TestKeys Generate()
    {
        using var rsa = RSA.Create(2048);
        var (edPrivate, edPublic) = GenerateEd25519();
        return new TestKeys(
            "interop-hmac-key", "interop-hmac-secret-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(16)),
            "interop-rsa-key", rsa.ExportPkcs8PrivateKeyPem(), rsa.ExportSubjectPublicKeyInfoPem(),
            "interop-ed25519-key", edPrivate, edPublic,
            "interop-noperm-key", "interop-noperm-secret-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(16)));
    }

    // PKCS#8 v1 (RFC 8410): SEQUENCE { INTEGER 0, SEQUENCE { OID 1.3.101.112 }, OCTET STRING { OCTET STRING seed } }.
    // Written by hand so the key is exactly the 48-byte form both Binance and ccxt expect (ccxt takes bytes 16..48).
    private static readonly byte[] Pkcs8Prefix = Convert.FromHexString("302e020100300506032b657004220420");

    // SubjectPublicKeyInfo: SEQUENCE { SEQUENCE { OID 1.3.101.112 }, BIT STRING public key }.
    private static readonly byte[] SpkiPrefix = Convert.FromHexString("302a300506032b6570032100");

    private static (string PrivatePem, string PublicPem) GenerateEd25519()
    {
        var seed = RandomNumberGenerator.GetBytes(32);
        var publicKey = new Ed25519PrivateKeyParameters(seed, 0).GeneratePublicKey().GetEncoded();
        return (new string(PemEncoding.Write("PRIVATE KEY", [.. Pkcs8Prefix, .. seed])),
                new string(PemEncoding.Write("PUBLIC KEY", [.. SpkiPrefix, .. publicKey])));
    }

    /// <summary>The environment the node driver reads.</summary>
    public IReadOnlyDictionary<string, string> Environment(Uri simulator) => new Dictionary<string, string>
    {
        ["FERRY_SIM_URL"] = simulator.ToString().TrimEnd('/'),
        ["FERRY_HMAC_API_KEY"] = HmacApiKey,
        ["FERRY_HMAC_SECRET"] = HmacSecret,
        ["FERRY_RSA_API_KEY"] = RsaApiKey,
        ["FERRY_RSA_PRIVATE_KEY"] = RsaPrivatePem,
        ["FERRY_ED25519_API_KEY"] = Ed25519ApiKey,
        ["FERRY_ED25519_PRIVATE_KEY"] = Ed25519PrivatePem,
        ["FERRY_NOPERM_API_KEY"] = NoPermApiKey,
        ["FERRY_NOPERM_SECRET"] = NoPermSecret,
    };
}
