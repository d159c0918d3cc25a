using System.Formats.Asn1;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;

namespace Ferry.Simulator.Signing;

/// <summary>Pure Ed25519 (RFC 8032) with a SubjectPublicKeyInfo PEM key; the signature is base64, percent-encoded.</summary>
internal sealed class Ed25519Verifier : ISignatureVerifier
{
    private const string Ed25519Oid = "1.3.101.112";

    private readonly Ed25519PublicKeyParameters _key;

    public Ed25519Verifier(string pem)
    {
        var der = SignatureVerifiers.PemBody(pem, "Ed25519 public key");
        try
        {
            _key = new Ed25519PublicKeyParameters(PublicKeyBytes(der), 0);
        }
        catch (Exception e) when (e is not ArgumentException)
        {
            throw new ArgumentException("The Ed25519 public key PEM cannot be read.", e);
        }
    }

    /// <summary>
    /// The raw key of a SubjectPublicKeyInfo (RFC 8410: algorithm 1.3.101.112, no parameters, the key as a bit string).
    /// Read here rather than by BouncyCastle's PublicKeyFactory, whose table of every key kind pulls reflection over enums
    /// into ferry's Native AOT build.
    /// </summary>
    private static byte[] PublicKeyBytes(byte[] der)
    {
        var reader = new AsnReader(der, AsnEncodingRules.DER);
        var info = reader.ReadSequence();
        reader.ThrowIfNotEmpty();
        var algorithm = info.ReadSequence();
        var oid = algorithm.ReadObjectIdentifier();
        if (oid != Ed25519Oid || algorithm.HasData)
            throw new ArgumentException("The Ed25519 public key PEM holds a different kind of key.");
        var key = info.ReadBitString(out var unusedBits);
        info.ThrowIfNotEmpty();
        if (unusedBits != 0 || key.Length != Ed25519PublicKeyParameters.KeySize)
            throw new ArgumentException("The Ed25519 public key PEM cannot be read.");
        return key;
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
