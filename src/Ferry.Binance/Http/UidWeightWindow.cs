using System.Security.Cryptography;
using System.Text;

namespace Ferry.Binance.Http;

/// <summary>One shared UID budget in one window: whose (<paramref name="Account"/>, a hash of the API key, never the
/// key), which endpoint's (<paramref name="Budget"/>, e.g. "POST /sapi/v1/asset/transfer"), and when
/// (<paramref name="WindowStartMs"/>, Unix ms on the exchange's clock, a multiple of <paramref name="WindowMs"/>).</summary>
public readonly record struct UidWeightWindow(string Account, string Budget, long WindowStartMs, long WindowMs)
{
    /// <summary>The account id of an API key: the first 128 bits of its SHA-256, in hex. Equal keys give equal ids on
    /// every machine; the key cannot be read back from it.</summary>
    public static string AccountOf(string apiKey)
    {
        ArgumentNullException.ThrowIfNull(apiKey);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(apiKey)).AsSpan(0, 16));
    }
}
