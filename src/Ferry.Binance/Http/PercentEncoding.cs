using System.Text;

namespace Ferry.Binance.Http;

/// <summary>
/// RFC 3986 percent-encoding of UTF-8: unreserved <c>A-Z a-z 0-9 - . _ ~</c> stay as they are,
/// every other byte becomes <c>%XX</c> with upper-case hex. Binance rejects unencoded non-ASCII
/// payloads with -1022 since 2026-01-15, and the signature must cover the encoded bytes.
/// </summary>
public static class PercentEncoding
{
    private const string UpperHex = "0123456789ABCDEF";

    /// <summary>True for the RFC 3986 unreserved characters, which are never encoded.</summary>
    public static bool IsUnreserved(int c) =>
        (uint)(c - 'A') <= 'Z' - 'A' || (uint)(c - 'a') <= 'z' - 'a' || (uint)(c - '0') <= 9
        || c == '-' || c == '.' || c == '_' || c == '~';

    /// <summary>The encoded form of <paramref name="value"/> as a string (for tests and diagnostics).</summary>
    public static string Encode(string value)
    {
        var buffer = new byte[MaxEncodedLength(value.Length)];
        var written = Encode(value, buffer);
        return Encoding.ASCII.GetString(buffer, 0, written);
    }

    /// <summary>An upper bound of the encoded length of <paramref name="charCount"/> UTF-16 characters.</summary>
    public static int MaxEncodedLength(int charCount) => charCount * 9;

    /// <summary>
    /// Writes the encoded form of <paramref name="value"/> as ASCII bytes into <paramref name="destination"/>,
    /// which must hold <see cref="MaxEncodedLength"/> bytes; returns how many were written.
    /// A lone surrogate is encoded as U+FFFD (callers validate text before it gets here).
    /// </summary>
    public static int Encode(ReadOnlySpan<char> value, Span<byte> destination)
    {
        var written = 0;
        Span<byte> utf8 = stackalloc byte[4];
        var i = 0;
        while (i < value.Length)
        {
            var c = value[i];
            if (IsUnreserved(c))
            {
                destination[written++] = (byte)c;
                i++;
                continue;
            }

            Rune.DecodeFromUtf16(value[i..], out var rune, out var consumed);
            var count = rune.EncodeToUtf8(utf8);
            for (var b = 0; b < count; b++)
            {
                destination[written++] = (byte)'%';
                destination[written++] = (byte)UpperHex[utf8[b] >> 4];
                destination[written++] = (byte)UpperHex[utf8[b] & 0xF];
            }

            i += consumed;
        }

        return written;
    }

    /// <summary>Encodes ASCII bytes (a base64 signature) in place of <paramref name="destination"/>; returns the length.</summary>
    public static int EncodeAscii(ReadOnlySpan<byte> value, Span<byte> destination)
    {
        var written = 0;
        foreach (var c in value)
        {
            if (IsUnreserved(c))
            {
                destination[written++] = c;
                continue;
            }

            destination[written++] = (byte)'%';
            destination[written++] = (byte)UpperHex[c >> 4];
            destination[written++] = (byte)UpperHex[c & 0xF];
        }

        return written;
    }

    /// <summary>The text that <paramref name="encoded"/> (as <see cref="Encode(ReadOnlySpan{char}, Span{byte})"/> wrote it)
    /// stands for: <c>%XX</c> becomes its byte, the bytes are read as UTF-8.</summary>
    internal static string Decode(ReadOnlySpan<byte> encoded)
    {
        var bytes = new byte[encoded.Length];
        var length = 0;
        for (var i = 0; i < encoded.Length; i++)
        {
            if (encoded[i] == '%' && i + 2 < encoded.Length)
            {
                bytes[length++] = (byte)((HexValue(encoded[i + 1]) << 4) | HexValue(encoded[i + 2]));
                i += 2;
            }
            else
            {
                bytes[length++] = encoded[i];
            }
        }

        return Encoding.UTF8.GetString(bytes, 0, length);
    }

    private static int HexValue(byte c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}
