using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;

namespace Ferry.Simulator;

/// <summary>
/// Hands an <see cref="HttpRequestMessage"/> to the simulator's request pipeline in this process, the way Kestrel would
/// after reading it off a socket: the request target as the client wrote it (path and query, percent-encoding kept), the
/// Host header the client would send, every header, the body's bytes, and 127.0.0.1 as the peer. The answer's status,
/// headers and bytes become the response. Nothing here reads or changes what the gateways check (signatures, weights,
/// permissions): they run unchanged on what they would have received over loopback.
/// </summary>
internal sealed class InProcessSimulatorHandler(RequestDelegate pipeline) : HttpMessageHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var uri = request.RequestUri ?? throw new InvalidOperationException("The request has no address.");
        if (!uri.IsAbsoluteUri || !uri.IsLoopback)
            throw new HttpRequestException(HttpRequestError.ConnectionError, $"The in-process simulator serves only loopback addresses, not {uri.GetLeftPart(UriPartial.Authority)}.");

        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        // The target exactly as HttpClient writes it on the wire (HTX's client turns canonicalization off, so only
        // PathAndQuery may be read); the path decoded as Kestrel decodes it.
        var target = uri.PathAndQuery;
        var queryStart = target.IndexOf('?', StringComparison.Ordinal);
        var requestFeature = new HttpRequestFeature
        {
            Protocol = "HTTP/1.1",
            Scheme = uri.Scheme,
            Method = request.Method.Method,
            PathBase = "",
            Path = PathString.FromUriComponent(queryStart < 0 ? target : target[..queryStart]).Value ?? "/",
            QueryString = queryStart < 0 ? "" : target[queryStart..],
            RawTarget = target,
            Body = new MemoryStream(body, writable: false),
        };
        requestFeature.Headers.Host = request.Headers.Host ?? (uri.IsDefaultPort ? uri.IdnHost : $"{uri.IdnHost}:{uri.Port}");
        foreach (var (name, values) in request.Headers)
        {
            if (!string.Equals(name, "Host", StringComparison.OrdinalIgnoreCase)) requestFeature.Headers.Append(name, OnTheWire(name, values));
        }
        if (request.Content is not null)
        {
            foreach (var (name, values) in request.Content.Headers) requestFeature.Headers.Append(name, OnTheWire(name, values));
            requestFeature.Headers.ContentLength = body.Length;
        }

        using var responseBody = new MemoryStream();
        var responseFeature = new HttpResponseFeature();
        using var lifetime = new Lifetime(cancellationToken);
        var features = new FeatureCollection();
        features.Set<IHttpRequestFeature>(requestFeature);
        features.Set<IHttpResponseFeature>(responseFeature);
        features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(responseBody));
        features.Set<IHttpConnectionFeature>(new HttpConnectionFeature
        {
            RemoteIpAddress = IPAddress.Loopback,
            LocalIpAddress = IPAddress.Loopback,
            LocalPort = uri.Port,
            ConnectionId = "in-process",
        });
        features.Set<IHttpRequestLifetimeFeature>(lifetime);

        try
        {
            await pipeline(new DefaultHttpContext(features)).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw new TaskCanceledException("The request was cancelled before the in-process simulator answered.", null, cancellationToken);
        }

        // Kestrel resets the connection when a handler aborts it; the client then sees the answer end before it began.
        if (lifetime.Aborted)
            throw new HttpRequestException(HttpRequestError.ResponseEnded, "The simulator closed the connection without an answer.");

        var response = new HttpResponseMessage((HttpStatusCode)responseFeature.StatusCode)
        {
            RequestMessage = request,
            Version = HttpVersion.Version11,
            Content = new ByteArrayContent(responseBody.ToArray()),
        };
        foreach (var (name, values) in responseFeature.Headers)
        {
            if (!response.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values))
                response.Content.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
        }
        response.Content.Headers.ContentLength ??= responseBody.Length;
        return response;
    }

    /// <summary>One header line as HttpClient writes it: User-Agent's products joined by spaces, other lists by commas.</summary>
    private static StringValues OnTheWire(string name, IEnumerable<string> values) =>
        string.Join(string.Equals(name, "User-Agent", StringComparison.OrdinalIgnoreCase) ? " " : ", ", values);

    /// <summary>The request's lifetime: aborted by the fault that drops the connection, cancelled with the caller.</summary>
    private sealed class Lifetime : IHttpRequestLifetimeFeature, IDisposable
    {
        private readonly CancellationTokenSource _aborted;

        public Lifetime(CancellationToken caller)
        {
            _aborted = CancellationTokenSource.CreateLinkedTokenSource(caller);
            RequestAborted = _aborted.Token;
        }

        public bool Aborted { get; private set; }

        public CancellationToken RequestAborted { get; set; }

        public void Abort()
        {
            Aborted = true;
            _aborted.Cancel();
        }

        public void Dispose() => _aborted.Dispose();
    }
}
