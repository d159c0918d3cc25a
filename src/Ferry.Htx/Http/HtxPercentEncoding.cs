using System.Text;

namespace Ferry.Htx.Http;

/// <summary>
/// HTX's URL-encoding for Signature V2: UTF-8, RFC 3986 unreserved characters kept, every other byte as
/// <c>%XX</c> with upper-case hex (so a space is <c>%20</c> and <c>:</c> is <c>%3A</c>).
/// </summary>
public static class HtxPercentEncoding
{
    private const string UpperHex = "0123456789ABCDEF";

    /// <summary>The encoded form of <paramref name="value"/>.</summary>
    public static string Encode(string value)
    {
        var builder = new StringBuilder(value.Length + 8);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            if (IsUnreserved(b))
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append('%').Append(UpperHex[b >> 4]).Append(UpperHex[b & 0xF]);
            }
        }

        return builder.ToString();
    }

    private static bool IsUnreserved(byte c) =>
        c is (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'a' and <= (byte)'z') or (>= (byte)'0' and <= (byte)'9')
            or (byte)'-' or (byte)'.' or (byte)'_' or (byte)'~';
}
