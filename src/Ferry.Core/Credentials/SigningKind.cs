namespace Ferry.Core.Credentials;

/// <summary>How a key signs its requests; each API key has exactly one.</summary>
public enum SigningKind
{
    /// <summary>HMAC-SHA256 with a shared secret, hex output.</summary>
    Hmac,
    /// <summary>RSASSA-PKCS1-v1_5 SHA-256 with a PKCS#8 PEM private key, base64 output.</summary>
    Rsa,
    /// <summary>Pure Ed25519 (RFC 8032) with a PEM private key, base64 output.</summary>
    Ed25519,
}
