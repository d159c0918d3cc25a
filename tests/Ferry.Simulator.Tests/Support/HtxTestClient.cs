using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Ferry.Simulator.Tests.Support;

/// <summary>A test-only HTX Signature V2 signer and sender, written from the docs (it shares nothing with Ferry.Htx).</summary>
public sealed class HtxTestClient(HttpClient http, Func<DateTimeOffset> now, string accessKey, string secretKey)
{
    public sealed record Reply(HttpStatusCode Status, JsonElement Json, HttpResponseMessage Message)
    {
        public string? Header(string name) => Message.Headers.TryGetValues(name, out var v) ? v.Single() : null;

        public string ErrorCode => Json.TryGetProperty("err-code", out var v1) ? v1.GetString()!
            : Json.TryGetProperty("err_code", out var sw) ? sw.GetRawText()
            : Json.GetProperty("code").GetRawText();

        public string ErrorMessage => Json.TryGetProperty("err-msg", out var v1) ? v1.GetString()!
            : Json.TryGetProperty("err_msg", out var sw) ? sw.GetString()! : Json.GetProperty("message").GetString()!;
    }

    /// <summary>Overrides the host written in the pre-sign string (default: the Host header HttpClient sends).</summary>
    public string? SignedHost { get; set; }

    /// <summary>Overrides the Timestamp.</summary>
    public DateTimeOffset? Timestamp { get; set; }

    public Task<Reply> TransferAsync(string from, string to, string currency, string amountJson, string marginAccount) =>
        PostAsync("/v2/account/transfer",
            $"{{\"from\":\"{from}\",\"to\":\"{to}\",\"currency\":\"{currency}\",\"amount\":{amountJson},\"margin-account\":\"{marginAccount}\"}}");

    public Task<Reply> GetAsync(string path, params (string Name, string Value)[] parameters) =>
        SendAsync(HttpMethod.Get, path, parameters, null);

    public Task<Reply> PostAsync(string path, string json, string contentType = "application/json") =>
        SendAsync(HttpMethod.Post, path, [], json, contentType);

    public async Task<Reply> SendAsync(HttpMethod method, string path, IEnumerable<(string Name, string Value)> parameters, string? body,
        string contentType = "application/json", Func<string, string>? signatureOverride = null)
    {
        var ps = new List<(string Name, string Value)>
        {
            ("AccessKeyId", accessKey), ("SignatureMethod", "HmacSHA256"), ("SignatureVersion", "2"),
            ("Timestamp", (Timestamp ?? now()).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture)),
        };
        ps.AddRange(parameters);
        var canonical = string.Join('&', ps.Select(p => (N: Uri.EscapeDataString(p.Name), V: Uri.EscapeDataString(p.Value)))
            .OrderBy(p => p.N, StringComparer.Ordinal).Select(p => $"{p.N}={p.V}"));
        var host = SignedHost ?? http.BaseAddress!.Authority;
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(secretKey));
        var signature = Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes($"{method.Method}\n{host.ToLowerInvariant()}\n{path}\n{canonical}")));
        if (signatureOverride is not null) signature = signatureOverride(signature);
        using var request = new HttpRequestMessage(method, $"{path.TrimStart('/')}?{canonical}&Signature={Uri.EscapeDataString(signature)}");
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, contentType);
        var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        using var doc = JsonDocument.Parse(text);
        return new Reply(response.StatusCode, doc.RootElement.Clone(), response);
    }
}
