using System.Text;
using Ferry.Binance.Http;
using Ferry.Binance.Signing;
using Ferry.Binance.Tests.Support;
using Ferry.Core.Credentials;

namespace Ferry.Binance.Tests;

public sealed class Ed25519SignerTests
{
    // PKCS#8 v1 (RFC 8410) of an Ed25519 seed: SEQUENCE { 0, { 1.3.101.112 }, OCTET STRING { OCTET STRING seed } }.
    private const string Pkcs8V1Prefix = "302e020100300506032b657004220420";

    private static RequestSigner Signer(string pem) =>
        RequestSigner.Create(new ApiCredentials("test-only-key-123456", new SecretText(pem), SigningKind.Ed25519));

    private static string Pem(string derHex) =>
        "-----BEGIN PRIVATE KEY-----\n" + Convert.ToBase64String(Convert.FromHexString(derHex)) + "\n-----END PRIVATE KEY-----\n";

    // RFC 8032 section 7.1, TEST 1 to 3: secret key (seed), message, signature.
    [Theory]
    [InlineData("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60", "",
        "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b")]
    [InlineData("4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb", "72",
        "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00")]
    [InlineData("c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7", "af82",
        "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a")]
    public void Signs_the_rfc8032_vectors_byte_for_byte(string seedHex, string messageHex, string signatureHex)
    {
        using var signer = Signer(Pem(Pkcs8V1Prefix + seedHex));

        var wire = signer.SignToString(Convert.FromHexString(messageHex));

        Assert.Equal(PercentEncoding.Encode(Convert.ToBase64String(Convert.FromHexString(signatureHex))), wire);
    }

    [Fact]
    public void A_pkcs8_v2_key_that_carries_its_public_key_signs_like_the_bare_seed()
    {
        // OneAsymmetricKey version 1 with [1] publicKey (the form some tools write), RFC 8032 TEST 2.
        const string seed = "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb";
        const string publicKey = "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c";
        using var v1 = Signer(Pem(Pkcs8V1Prefix + seed));
        using var v2 = Signer(Pem("3051020101300506032b657004220420" + seed + "812100" + publicKey));

        Assert.Equal(v1.SignToString([0x72]), v2.SignToString([0x72]));
    }

    [Fact]
    public void Signing_allocates_nothing_per_signature()
    {
        using var signer = Signer(TestClients.Data("test-only-ed25519-private.pem"));
        var payload = Encoding.ASCII.GetBytes(TestClients.Data("signing-payload.txt"));
        var destination = new byte[signer.MaxSignatureLength];
        signer.Sign(payload, destination);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            signer.Sign(payload, destination);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void A_disposed_signer_no_longer_signs()
    {
        var signer = Signer(TestClients.Data("test-only-ed25519-private.pem"));
        var destination = new byte[signer.MaxSignatureLength];

        signer.Dispose();

        Assert.Throws<ObjectDisposedException>(() => signer.Sign("timestamp=1"u8, destination));
    }

    [Fact]
    public void A_pem_whose_key_is_not_32_bytes_is_refused_without_showing_it()
    {
        var pem = Pem("302d020100300506032b65700421041f" + new string('a', 62));

        var error = Assert.Throws<ArgumentException>(() => Signer(pem));

        Assert.StartsWith("The Ed25519 key could not be read", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("aaaa", error.Message, StringComparison.OrdinalIgnoreCase);
    }
}
