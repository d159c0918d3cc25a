using System.Text;

namespace Ferry.Simulator.Binance;

/// <summary>The parameters of a request read from the exact bytes received: the signed payload is the raw query
/// plus the raw form body with the <c>signature</c> pair removed, joined without a separator (Binance rest-api.md).</summary>
internal sealed class RawParameters
{
    private RawParameters(Dictionary<string, string> values, List<string> signatures, byte[] payload, string? duplicate)
    {
        Values = values;
        Signatures = signatures;
        Payload = payload;
        DuplicateName = duplicate;
    }

    /// <summary>Decoded parameter values; a name in both query and body takes the query's value (documented).</summary>
    public IReadOnlyDictionary<string, string> Values { get; }

    /// <summary>Every <c>signature</c> value found, still percent-encoded as sent.</summary>
    public IReadOnlyList<string> Signatures { get; }

    /// <summary>The bytes the client signed.</summary>
    public byte[] Payload { get; }

    /// <summary>The first name (other than <c>signature</c>) sent more than once within the query or within the body,
    /// or null. A name in both parts is not a duplicate: the query's value wins (documented).</summary>
    public string? DuplicateName { get; }

    /// <summary>Reads a raw query (without '?') and a raw form body (Latin-1 so each byte maps to one char).</summary>
    public static RawParameters Parse(string rawQuery, string rawBody)
    {
        var signatures = new List<string>();
        var query = StripSignature(rawQuery, signatures);
        var body = StripSignature(rawBody, signatures);
        string? duplicate = null;
        var values = Decode(body, ref duplicate);
        foreach (var (name, value) in Decode(query, ref duplicate)) values[name] = value;
        return new RawParameters(values, signatures, Encoding.Latin1.GetBytes(query + body), duplicate);
    }

    private static string StripSignature(string raw, List<string> signatures)
    {
        if (raw.Length == 0 || !raw.Contains("signature", StringComparison.Ordinal)) return raw;
        var kept = new List<string>();
        foreach (var pair in raw.Split('&'))
        {
            var eq = pair.IndexOf('=');
            var name = eq >= 0 ? pair[..eq] : pair;
            if (name == "signature") signatures.Add(eq >= 0 ? pair[(eq + 1)..] : "");
            else kept.Add(pair);
        }
        return string.Join('&', kept);
    }

    /// <summary>Form-decodes pairs: '+' and %20 are both a space; the first occurrence of a name wins, and the first
    /// name seen twice is kept in <paramref name="duplicate"/>.</summary>
    private static Dictionary<string, string> Decode(string raw, ref string? duplicate)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (raw.Length == 0) return values;
        foreach (var pair in raw.Split('&'))
        {
            if (pair.Length == 0) continue;
            var eq = pair.IndexOf('=');
            var name = Unescape(eq >= 0 ? pair[..eq] : pair);
            var value = eq >= 0 ? Unescape(pair[(eq + 1)..]) : "";
            if (!values.TryAdd(name, value)) duplicate ??= name;
        }
        return values;
    }

    private static string Unescape(string s)
    {
        var spaced = s.Replace('+', ' ');
        return spaced.Contains('%') ? Uri.UnescapeDataString(spaced) : spaced;
    }
}
