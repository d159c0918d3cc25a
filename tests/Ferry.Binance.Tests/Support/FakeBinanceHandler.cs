using System.Net;
using System.Text;

namespace Ferry.Binance.Tests.Support;

/// <summary>What the client put on the wire.</summary>
public sealed record RecordedRequest(HttpMethod Method, Uri Uri, string? Body, string? ContentType, IReadOnlyDictionary<string, string> Headers)
{
    public string Path => Uri.AbsolutePath;

    /// <summary>The query exactly as sent, without the '?'.</summary>
    public string Query => Uri.Query.TrimStart('?');

    public string? Header(string name) => Headers.TryGetValue(name, out var v) ? v : null;
}

/// <summary>
/// A fake Binance: records every request, answers GET /api/v3/time from the test clock plus a skew,
/// and answers other requests from a queue of canned responses (a test fails if the queue runs dry).
/// </summary>
public sealed class FakeBinanceHandler(TimeProvider time) : HttpMessageHandler
{
    public delegate Task<HttpResponseMessage> Responder(RecordedRequest request, CancellationToken cancellationToken);

    private readonly Queue<Responder> _responses = new();
    private readonly Lock _gate = new();
    private TaskCompletionSource<RecordedRequest> _nextCall = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TimeSpan ServerSkew { get; set; }

    /// <summary>Overrides the answer to GET /api/v3/time.</summary>
    public Responder? TimeResponder { get; set; }

    public List<RecordedRequest> Requests { get; } = [];

    /// <summary>Requests other than GET /api/v3/time.</summary>
    public List<RecordedRequest> Calls => Requests.Where(r => r.Path != "/api/v3/time").ToList();

    public int TimeRequests => Requests.Count(r => r.Path == "/api/v3/time");

    /// <summary>Completes when the next non-time request arrives.</summary>
    public Task<RecordedRequest> NextCall
    {
        get
        {
            lock (_gate)
            {
                return _nextCall.Task;
            }
        }
    }

    public FakeBinanceHandler Enqueue(HttpStatusCode status, string body, params (string Name, string Value)[] headers)
    {
        _responses.Enqueue((_, _) => Task.FromResult(Response(status, body, headers)));
        return this;
    }

    public FakeBinanceHandler Enqueue(Responder responder)
    {
        _responses.Enqueue(responder);
        return this;
    }

    public static HttpResponseMessage Response(HttpStatusCode status, string body, params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        foreach (var (name, value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        // The raw values as they go on the wire (the validated view splits a User-Agent at its spaces).
        foreach (var h in request.Headers.NonValidated)
        {
            headers[h.Key] = h.Value.ToString();
        }

        var recorded = new RecordedRequest(request.Method, request.RequestUri!, body,
            request.Content?.Headers.ContentType?.ToString(), headers);
        TaskCompletionSource<RecordedRequest>? signal = null;
        lock (_gate)
        {
            Requests.Add(recorded);
            if (recorded.Path != "/api/v3/time")
            {
                signal = _nextCall;
                _nextCall = new TaskCompletionSource<RecordedRequest>(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }

        if (recorded.Path == "/api/v3/time")
        {
            if (TimeResponder is { } timeResponder)
            {
                return await timeResponder(recorded, cancellationToken);
            }

            var serverNow = (time.GetUtcNow() + ServerSkew).ToUnixTimeMilliseconds();
            return Response(HttpStatusCode.OK, $"{{\"serverTime\":{serverNow}}}", ("X-MBX-USED-WEIGHT-1M", "1"));
        }

        signal?.TrySetResult(recorded);
        Responder next;
        lock (_gate)
        {
            if (!_responses.TryDequeue(out next!))
            {
                throw new InvalidOperationException($"The test queued no response for {recorded.Method} {recorded.Uri}.");
            }
        }

        return await next(recorded, cancellationToken);
    }
}
