using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Ferry.Simulator.Scenario;

namespace Ferry.Simulator.Htx;

/// <summary>
/// The simulator's own Signature V2 check (reference §6.1, §7.5): it rebuilds the pre-sign string from the request as
/// received — method, the Host header lower-cased (with its port), the raw path, and every query parameter except
/// <c>Signature</c>, decoded, re-encoded with upper-case hex and sorted by name — and compares the base64
/// HMAC-SHA256 with the received <c>Signature</c>. Then the Timestamp must be within the tolerance of server time.
/// </summary>
internal static class HtxSignatureVerifier
{
    public static (HtxScenarioApiKey? Key, HtxError? Error) Verify(
        HtxStyle style, string method, string host, string rawPath, IReadOnlyList<KeyValuePair<string, string>> query,
        HtxBook book, long nowMs, TimeSpan tolerance)
    {
        string? Value(string name) => query.FirstOrDefault(p => p.Key == name).Value;

        var accessKey = Value("AccessKeyId");
        var signature = Value("Signature");
        if (string.IsNullOrEmpty(accessKey) || string.IsNullOrEmpty(signature))
        {
            return (null, style switch { HtxStyle.V1 => HtxErrors.V1LoginRequired, HtxStyle.V2 => HtxErrors.V2Anonymous, _ => HtxErrors.SwapVerificationFailed });
        }

        var key = book.FindKey(accessKey);
        if (key is null)
        {
            return (null, style switch { HtxStyle.V1 => HtxErrors.V1IncorrectAccessKey, HtxStyle.V2 => HtxErrors.V2InvalidSignature, _ => HtxErrors.SwapUserMissing });
        }

        var badSignature = style switch { HtxStyle.V1 => HtxErrors.V1VerificationFailure, HtxStyle.V2 => HtxErrors.V2InvalidSignature, _ => HtxErrors.SwapVerificationFailed };
        if (Value("SignatureMethod") != "HmacSHA256") return (null, style == HtxStyle.Swap ? HtxErrors.SwapSignatureMethod : badSignature);
        if (Value("SignatureVersion") != "2") return (null, style == HtxStyle.Swap ? HtxErrors.SwapSignatureVersion : badSignature);

        var canonical = string.Join('&', query
            .Where(p => p.Key != "Signature")
            .Select(p => (Name: Encode(p.Key), Value: Encode(p.Value)))
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => $"{p.Name}={p.Value}"));
        var preSign = $"{method}\n{host.ToLowerInvariant()}\n{rawPath}\n{canonical}";
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(key.SecretKey));
        var expected = Encoding.ASCII.GetBytes(Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes(preSign))));
        if (!CryptographicOperations.FixedTimeEquals(expected, Encoding.UTF8.GetBytes(signature))) return (null, badSignature);

        var stale = style switch { HtxStyle.V1 => HtxErrors.V1StaleTimestamp, HtxStyle.V2 => HtxErrors.V2InvalidSignature, _ => HtxErrors.SwapInvalidTime };
        var timestamp = Value("Timestamp");
        if (string.IsNullOrEmpty(timestamp)) return (null, style == HtxStyle.Swap ? HtxErrors.SwapTimeMissing : stale);
        if (!DateTime.TryParseExact(timestamp, "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at))
        {
            return (null, stale);
        }

        var skew = Math.Abs(nowMs - new DateTimeOffset(at, TimeSpan.Zero).ToUnixTimeMilliseconds());
        return skew > tolerance.TotalMilliseconds ? (null, stale) : (key, null);
    }

    /// <summary>UTF-8, unreserved characters kept, everything else %XX upper-case.</summary>
    internal static string Encode(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            if (b is (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'a' and <= (byte)'z') or (>= (byte)'0' and <= (byte)'9') or (byte)'-' or (byte)'.' or (byte)'_' or (byte)'~')
                builder.Append((char)b);
            else
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }
        return builder.ToString();
    }

    /// <summary>Query pairs decoded (percent-decoding only: a '+' stays '+', as RFC 3986 reads it).</summary>
    internal static List<KeyValuePair<string, string>> DecodeQuery(string rawQuery)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var pair in rawQuery.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=');
            var name = eq >= 0 ? pair[..eq] : pair;
            var value = eq >= 0 ? pair[(eq + 1)..] : "";
            pairs.Add(new(Uri.UnescapeDataString(name), Uri.UnescapeDataString(value)));
        }
        return pairs;
    }
}
