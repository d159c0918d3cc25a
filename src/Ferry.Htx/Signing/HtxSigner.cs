using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Ferry.Core.Credentials;
using Ferry.Htx.Http;

namespace Ferry.Htx.Signing;

/// <summary>
/// HTX Signature V2 (reference §6.1): the pre-sign string <c>METHOD\nhost\npath\nsorted-encoded-params</c>, signed
/// with HMAC-SHA256 and written as base64. Only HMAC keys exist for this client (HTX's Ed25519 keys are not covered).
/// </summary>
internal sealed class HtxSigner : IDisposable
{
    /// <summary>The timestamp format: UTC, seconds, no zone (e.g. 2017-05-11T15:19:30).</summary>
    public const string TimestampFormat = "yyyy-MM-ddTHH:mm:ss";

    private readonly HMACSHA256 _hmac;
    private readonly Lock _gate = new();

    public HtxSigner(ApiCredentials credentials)
    {
        if (credentials.Kind != SigningKind.Hmac)
        {
            throw new ArgumentException($"HTX keys sign with HMAC-SHA256; a {credentials.Kind} key cannot be used.", nameof(credentials));
        }

        AccessKeyId = credentials.ApiKey;
        _hmac = new HMACSHA256(Encoding.UTF8.GetBytes(credentials.Secret.Reveal()));
    }

    /// <summary>The access key sent as <c>AccessKeyId</c>.</summary>
    public string AccessKeyId { get; }

    /// <summary>The four authentication parameters for a request made at <paramref name="now"/>.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> AuthParameters(DateTimeOffset now) =>
    [
        new("AccessKeyId", AccessKeyId),
        new("SignatureMethod", "HmacSHA256"),
        new("SignatureVersion", "2"),
        new("Timestamp", now.UtcDateTime.ToString(TimestampFormat, CultureInfo.InvariantCulture)),
    ];

    /// <summary>The sorted, encoded <c>name=value</c> pairs joined with <c>&amp;</c> (ordinal order of the encoded names).</summary>
    public static string CanonicalQuery(IEnumerable<KeyValuePair<string, string>> parameters) =>
        string.Join('&', parameters
            .Select(p => (Name: HtxPercentEncoding.Encode(p.Key), Value: HtxPercentEncoding.Encode(p.Value)))
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => $"{p.Name}={p.Value}"));

    /// <summary>The pre-sign string: method, lower-case host (with a non-default port), path, canonical query.</summary>
    public static string PreSign(string method, string host, string path, string canonicalQuery) =>
        $"{method.ToUpperInvariant()}\n{host.ToLowerInvariant()}\n{path}\n{canonicalQuery}";

    /// <summary>Base64 HMAC-SHA256 of <paramref name="preSign"/>.</summary>
    public string Sign(string preSign)
    {
        var bytes = Encoding.UTF8.GetBytes(preSign);
        lock (_gate)
        {
            return Convert.ToBase64String(_hmac.ComputeHash(bytes));
        }
    }

    public void Dispose() => _hmac.Dispose();
}
