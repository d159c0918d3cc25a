using System.Security.Cryptography;

namespace Ferry.Simulator.Signing;

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
