using System.Net;
using System.Text;

namespace Ferry.Engine.Tests.Transfers;

/// <summary>
/// Stands in for an exchange: keeps the last request's parameters exactly as the server would read them (query and form
/// body decoded, a JSON body's properties as text) and answers everything with a fixed body; GET /api/v3/time gets the
/// test clock so signed Binance requests can be made.
/// </summary>
public sealed class WireCaptureHandler(TimeProvider time) : HttpMessageHandler
{
    /// <summary>The parameters of the last request other than the time query, in the order they were sent.</summary>
    public List<KeyValuePair<string, string>> Sent { get; } = [];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri!.AbsolutePath == "/api/v3/time")
        {
            return Answer($"{{\"serverTime\":{time.GetUtcNow().ToUnixTimeMilliseconds()}}}");
        }

        Sent.Clear();
        Sent.AddRange(Form(request.RequestUri.Query.TrimStart('?')));
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        if (body.StartsWith('{'))
        {
            using var json = System.Text.Json.JsonDocument.Parse(body);
            Sent.AddRange(json.RootElement.EnumerateObject().Select(p => new KeyValuePair<string, string>(p.Name,
                p.Value.ValueKind == System.Text.Json.JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText())));
        }
        else
        {
            Sent.AddRange(Form(body));
        }

        return Answer("{}");
    }

    private static IEnumerable<KeyValuePair<string, string>> Form(string text) =>
        text.Length == 0
            ? []
            : text.Split('&').Select(pair => pair.Split('=', 2))
                .Select(kv => new KeyValuePair<string, string>(Uri.UnescapeDataString(kv[0]), Uri.UnescapeDataString(kv[1])));

    private static HttpResponseMessage Answer(string body) =>
        new(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
}
