using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Security;

namespace Ferry.Simulator.Signing;

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
