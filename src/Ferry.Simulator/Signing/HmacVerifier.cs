using System.Security.Cryptography;
using System.Text;

namespace Ferry.Simulator.Signing;

/// <summary>HMAC-SHA256 with the secret; the signature is hex of either case.</summary>
internal sealed class HmacVerifier(string secret) : ISignatureVerifier
{
    private readonly byte[] _key = Encoding.UTF8.GetBytes(secret);

    public bool Verify(byte[] payload, string wireSignature)
    {
        byte[] given;
        try
        {
            given = Convert.FromHexString(Uri.UnescapeDataString(wireSignature));
        }
        catch (FormatException)
        {
            return false;
        }
        var expected = HMACSHA256.HashData(_key, payload);
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }
}
