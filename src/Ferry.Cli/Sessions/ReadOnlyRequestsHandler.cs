namespace Ferry.Cli.Sessions;

/// <summary>
/// Passes reads (GET, HEAD) to <see cref="DelegatingHandler.InnerHandler"/> and refuses anything else before it leaves:
/// in front of a simulator that keeps its state only in memory, a write would be answered and then forgotten.
/// </summary>
internal sealed class ReadOnlyRequestsHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        request.Method == HttpMethod.Get || request.Method == HttpMethod.Head
            ? base.SendAsync(request, cancellationToken)
            : throw new InvalidOperationException($"A read-only session may not send {request.Method} {request.RequestUri?.AbsolutePath}.");
}
