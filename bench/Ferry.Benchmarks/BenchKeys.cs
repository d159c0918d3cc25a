using System.Security.Cryptography;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Pkcs;
using Org.BouncyCastle.Security;

namespace Ferry.Benchmarks;

/// <summary>Fresh throw-away keys in the PKCS#8 PEM form the client reads.</summary>
public static class BenchKeys
{
    /// <summary>A new 2048-bit RSA private key.</summary>
    public static string NewRsaPem()
    {
        using var rsa = RSA.Create(2048);
        return rsa.ExportPkcs8PrivateKeyPem();
    }

    /// <summary>A new Ed25519 private key, made with BouncyCastle (.NET has no Ed25519 in the box) so the key comes from another library than the signer's.</summary>
    public static string NewEd25519Pem()
    {
        var generator = new Ed25519KeyPairGenerator();
        generator.Init(new Ed25519KeyGenerationParameters(new SecureRandom()));
        var pair = generator.GenerateKeyPair();
        var der = PrivateKeyInfoFactory.CreatePrivateKeyInfo((Ed25519PrivateKeyParameters)pair.Private).GetDerEncoded();
        return PemEncoding.WriteString("PRIVATE KEY", der);
    }
}
