using System.Security.Cryptography;
using System.Text;
using Ferry.Binance.Http;
using Ferry.Binance.Signing;
using Ferry.Binance.Tests.Support;
using Ferry.Core.Credentials;

namespace Ferry.Binance.Tests;

public sealed class SigningVectorTests
{
    private static RequestSigner Signer(SigningKind kind, string secret) =>
        RequestSigner.Create(new ApiCredentials("test-only-key-123456", new SecretText(secret), kind));

    [Fact]
    public void Hmac_matches_the_documented_vector()
    {
        using var signer = Signer(SigningKind.Hmac, TestClients.DocSecret);
        var payload = "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559"u8;

        Assert.Equal("c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71", signer.SignToString(payload));
    }

    [Fact]
    public void Hmac_over_query_then_body_without_separator_matches_the_mixed_vector()
    {
        using var signer = Signer(SigningKind.Hmac, TestClients.DocSecret);
        var query = "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC";
        var body = "quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559";

        var signature = signer.SignToString(Encoding.ASCII.GetBytes(query + body));

        Assert.Equal("0fd168b8ddb4876a0358a8d14d0c9f3da0e9b20c5d52b2a00fcf7d1c602f9a77", signature);
    }

    [Fact]
    public void Rsa_matches_the_openssl_vector_percent_encoded()
    {
        using var signer = Signer(SigningKind.Rsa, TestClients.Data("test-only-rsa-private.pem"));
        var payload = Encoding.ASCII.GetBytes(TestClients.Data("signing-payload.txt"));
        var expectedBase64 = TestClients.Data("expected-rsa-signature.b64").Trim();

        var signature = signer.SignToString(payload);

        Assert.Equal(PercentEncoding.Encode(expectedBase64), signature);
        Assert.Contains("%2B", signature, StringComparison.Ordinal);
        Assert.Contains("%2F", signature, StringComparison.Ordinal);
        Assert.DoesNotContain("/", signature, StringComparison.Ordinal);
        Assert.DoesNotContain("=", signature, StringComparison.Ordinal);
    }

    [Fact]
    public void Rsa_signature_verifies_with_the_public_key()
    {
        using var signer = Signer(SigningKind.Rsa, TestClients.Data("test-only-rsa-private.pem"));
        var payload = "asset=BTC&amount=0.00000001&timestamp=1"u8.ToArray();

        var base64 = Uri.UnescapeDataString(signer.SignToString(payload));

        using var rsa = RSA.Create();
        rsa.ImportFromPem(TestClients.Data("test-only-rsa-public.pem"));
        Assert.True(rsa.VerifyData(payload, Convert.FromBase64String(base64), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
    }

    [Fact]
    public void Ed25519_matches_the_openssl_vector_percent_encoded()
    {
        using var signer = Signer(SigningKind.Ed25519, TestClients.Data("test-only-ed25519-private.pem"));
        var payload = Encoding.ASCII.GetBytes(TestClients.Data("signing-payload.txt"));
        var expectedBase64 = TestClients.Data("expected-ed25519-signature.b64").Trim();

        var signature = signer.SignToString(payload);

        Assert.Equal(88, expectedBase64.Length);
        Assert.Equal(PercentEncoding.Encode(expectedBase64), signature);
        Assert.EndsWith("%3D%3D", signature, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(SigningKind.Ed25519, "not a pem at all")]
    [InlineData(SigningKind.Rsa, "not a pem at all")]
    [InlineData(SigningKind.Ed25519, "-----BEGIN PRIVATE KEY-----\n!!!!\n-----END PRIVATE KEY-----")]
    [InlineData(SigningKind.Rsa, "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----")]
    public void A_bad_pem_fails_when_the_client_is_built_without_showing_the_key(SigningKind kind, string pem)
    {
        using var clients = new TestClients();

        var error = Assert.Throws<ArgumentException>(() =>
            clients.With(new ApiCredentials("test-only-key-123456", new SecretText(pem), kind)));

        Assert.Contains(kind == SigningKind.Rsa ? "RSA" : "Ed25519", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(pem, error.Message, StringComparison.Ordinal);
        Assert.Empty(clients.Handler.Requests);
    }

    [Fact]
    public void A_key_of_the_other_algorithm_is_refused_at_construction()
    {
        var rsaPem = TestClients.Data("test-only-rsa-private.pem");
        var edPem = TestClients.Data("test-only-ed25519-private.pem");

        var asEd = Assert.Throws<ArgumentException>(() => Signer(SigningKind.Ed25519, rsaPem));
        var asRsa = Assert.Throws<ArgumentException>(() => Signer(SigningKind.Rsa, edPem));

        Assert.Contains("another algorithm", asEd.Message, StringComparison.Ordinal);
        Assert.Contains("does not hold an RSA private key", asRsa.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pkcs1_rsa_key_is_refused_because_binance_takes_only_pkcs8()
    {
        using var rsa = RSA.Create();
        rsa.ImportFromPem(TestClients.Data("test-only-rsa-private.pem"));
        var pkcs1 = rsa.ExportRSAPrivateKeyPem();

        var error = Assert.Throws<ArgumentException>(() => Signer(SigningKind.Rsa, pkcs1));

        Assert.StartsWith("The RSA key is not a PKCS#8 PEM private key", error.Message, StringComparison.Ordinal);
    }
}
