using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Pkcs;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;

namespace Ferry.Cli.Tests.Support;

/// <summary>Fresh key pairs for tests, as PEM text.</summary>
internal static class TestKeys
{
    /// <summary>A new Ed25519 pair: PKCS#8 "PRIVATE KEY" and SPKI "PUBLIC KEY" PEM.</summary>
    public static (string PrivatePem, string PublicPem) Ed25519()
    {
        var generator = new Ed25519KeyPairGenerator();
        generator.Init(new Ed25519KeyGenerationParameters(new SecureRandom()));
        var pair = generator.GenerateKeyPair();
        var privateDer = PrivateKeyInfoFactory.CreatePrivateKeyInfo(pair.Private).GetDerEncoded();
        var publicDer = SubjectPublicKeyInfoFactory.CreateSubjectPublicKeyInfo(pair.Public).GetDerEncoded();
        return (Pem("PRIVATE KEY", privateDer), Pem("PUBLIC KEY", publicDer));
    }

    private static string Pem(string label, byte[] der) =>
        $"-----BEGIN {label}-----\n{Convert.ToBase64String(der, Base64FormattingOptions.InsertLineBreaks).Replace("\r\n", "\n")}\n-----END {label}-----\n";

    /// <summary>Writes <paramref name="content"/> to a file readable by its owner only.</summary>
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public static string OwnerOnlyFile(string folder, string name, string content)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, content);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return path;
    }

    /// <summary>A JSON string literal.</summary>
    public static string Json(string text) => System.Text.Json.JsonSerializer.Serialize(text);
}
