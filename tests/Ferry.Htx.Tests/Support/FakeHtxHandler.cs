using System.Net;
using System.Text;

namespace Ferry.Htx.Tests.Support;

/// <summary>What the client put on the wire.</summary>
public sealed record SentRequest(HttpMethod Method, Uri Uri, string? Body, string? ContentType, string? UserAgent = null)
{
    public string Query => Uri.Query.TrimStart('?');

    public string? QueryValue(string name) =>
        Query.Split('&').Select(p => p.Split('=', 2)).Where(p => p[0] == name).Select(p => Uri.UnescapeDataString(p[1])).FirstOrDefault();
}

/// <summary>A fake HTX: records every request and answers from a queue (a test fails if the queue runs dry).</summary>
public sealed class FakeHtxHandler : HttpMessageHandler
{
    private readonly Queue<Func<SentRequest, HttpResponseMessage>> _responses = new();

    public List<SentRequest> Requests { get; } = [];

    public FakeHtxHandler Enqueue(HttpStatusCode status, string body, params (string Name, string Value)[] headers)
    {
        _responses.Enqueue(_ => Response(status, body, headers));
        return this;
    }

    public FakeHtxHandler Enqueue(Func<SentRequest, HttpResponseMessage> responder)
    {
        _responses.Enqueue(responder);
        return this;
    }

    public static HttpResponseMessage Response(HttpStatusCode status, string body, params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        foreach (var (name, value) in headers) response.Headers.TryAddWithoutValidation(name, value);
        return response;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var userAgent = request.Headers.TryGetValues("User-Agent", out var values) ? string.Join(" ", values) : null;
        var sent = new SentRequest(request.Method, request.RequestUri!, body, request.Content?.Headers.ContentType?.ToString(), userAgent);
        Requests.Add(sent);
        return _responses.TryDequeue(out var next)
            ? next(sent)
            : throw new InvalidOperationException($"The test queued no response for {sent.Method} {sent.Uri}.");
    }
}

/// <summary>Builds HTX clients wired to the fake handler and a fake clock that moves only when a test advances it.</summary>
public sealed class HtxTestClients : IDisposable
{
    /// <summary>The access key of HTX's documented pre-sign example.</summary>
    public const string DocAccessKey = "e2xxxxxx-99xxxxxx-84xxxxxx-7xxxx";

    /// <summary>The secret of the reference's self-computed vector.</summary>
    public const string DocSecret = "b0xxxxxx-c6xxxxxx-94xxxxxx-dxxxx";

    private readonly List<HtxClient> _clients = [];

    public Ferry.Testing.WatchedFakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 22, 12, 0, 0, 500, TimeSpan.Zero));

    public FakeHtxHandler Handler { get; } = new();

    public HtxClient Create(Action<HtxClientOptions>? configure = null)
    {
        var options = new HtxClientOptions { Time = Time };
        configure?.Invoke(options);
        var client = new HtxClient(new Ferry.Core.Credentials.ApiCredentials(DocAccessKey, new Ferry.Core.Credentials.SecretText(DocSecret),
            Ferry.Core.Credentials.SigningKind.Hmac), options, Handler);
        _clients.Add(client);
        return client;
    }

    public static string Data(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", name));

    public void Dispose()
    {
        foreach (var client in _clients) client.Dispose();
    }
}
