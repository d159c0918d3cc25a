using Ferry.Core.Http;
using System.Buffers;
using System.Globalization;
using System.Text.Json.Serialization.Metadata;
using Ferry.Core.Credentials;
using Ferry.Htx.Signing;
using Ferry.Core.Outcomes;
using Ferry.Core.Telemetry;

namespace Ferry.Htx.Http;

/// <summary>
/// Sends one request: waits for rate budget, signs it with Signature V2 (the four authentication parameters, plus
/// the query of a GET, in the URL; a POST's parameters as a JSON body), makes the HTTP exchange, reads HTX's rate
/// headers and classifies the answer. It never resends anything.
/// </summary>
internal sealed class HtxTransport : IDisposable
{
    private readonly HttpMessageInvoker _http;
    private readonly HtxSigner _signer;
    private readonly HtxClientOptions _options;

    public HtxTransport(ApiCredentials credentials, HtxClientOptions options, HttpMessageHandler? handler)
    {
        _options = options;
        _signer = new HtxSigner(credentials);
        Endpoints = HtxEndpoints.WithTransferRate(options.TransfersPerSecond);
        Limiter = new HtxRateLimiter(Endpoints, options);
        _http = handler is null
            ? new HttpMessageInvoker(KeyedHttpHandler.Create(options.SpotBaseAddress, options.Proxy, Ferry.Core.Safety.KeyHostAllowlist.HtxHosts), disposeHandler: true)
            : new HttpMessageInvoker(handler, disposeHandler: false);
    }

    public IReadOnlyList<HtxEndpoint> Endpoints { get; }

    public HtxRateLimiter Limiter { get; }

    /// <summary>Sends one request in its own span; its outcome is counted and logged once.</summary>
    public async Task<Outcome<T>> SendAsync<TParams, T>(HtxEndpoint endpoint, TParams parameters, JsonTypeInfo<T> typeInfo,
        CancellationToken cancellationToken)
        where TParams : IHtxParameters
    {
        endpoint = Endpoints[endpoint.Id];
        var method = endpoint.Method.Method;
        var started = _options.Time.GetTimestamp();
        // HTX counts requests, not weights: each one costs 1 of its budget.
        var activity = HtxTelemetry.Instrumentation.StartRequest(method, endpoint.Path, 1, 0);
        Outcome<T>? outcome = null;
        try
        {
            outcome = await SendOnceAsync(endpoint, parameters, typeInfo, started, cancellationToken).ConfigureAwait(false);
            return outcome;
        }
        finally
        {
            HtxTelemetry.Instrumentation.EndRequest(activity, method, endpoint.Path, outcome, _options.Time.GetElapsedTime(started));
            var (name, detail) = VenueInstrumentation.LogSummary(outcome);
            if (outcome is Unknown<T>)
            {
                HtxLog.EndedUnknown(_options.Logger, method, endpoint.Path, detail);
            }
            else
            {
                HtxLog.Ended(_options.Logger, method, endpoint.Path, name, detail);
            }
        }
    }

    private async Task<Outcome<T>> SendOnceAsync<TParams, T>(HtxEndpoint endpoint, TParams parameters, JsonTypeInfo<T> typeInfo,
        long started, CancellationToken cancellationToken)
        where TParams : IHtxParameters
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return SendFailure.CancelledBeforeSending<T>(endpoint);
        }

        var grant = await Limiter.AcquireAsync(endpoint, cancellationToken).ConfigureAwait(false);
        if (!grant.Granted)
        {
            return new NotSent<T>(grant.Reason, grant.Message ?? "Not sent: no rate budget.");
        }

        using var request = BuildRequest(endpoint, parameters);
        if (cancellationToken.IsCancellationRequested)
        {
            return SendFailure.CancelledBeforeSending<T>(endpoint);
        }

        using var timeout = new CancellationTokenSource(_options.Timeout, _options.Time);
        using var link = cancellationToken.CanBeCanceled
            ? cancellationToken.UnsafeRegister(static s => ((CancellationTokenSource)s!).Cancel(), timeout)
            : default;

        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, timeout.Token).ConfigureAwait(false);
        }
        catch (HttpRequestException e) when (SendFailure.NothingWasSent(e))
        {
            HtxLog.Failed(_options.Logger, endpoint.Method.Method, endpoint.Path, "not sent", SendFailure.Describe(e), Elapsed(started));
            return SendFailure.Unreachable<T>(request.RequestUri!.Host, e);
        }
        catch (Exception e) when (SendFailure.IsTransportFailure(e))
        {
            HtxLog.Failed(_options.Logger, endpoint.Method.Method, endpoint.Path, "no answer", SendFailure.Describe(e), Elapsed(started));
            return SendFailure.AfterSending<T>(endpoint, e, _options.Timeout, cancellationToken);
        }

        byte[] body = [];
        var length = 0;
        var complete = false;
        int status;
        using (response)
        {
            status = (int)response.StatusCode;
            ObserveHeaders(endpoint, response);
            (body, length, complete) = await PooledResponseBody.ReadAsync(response.Content, timeout.Token).ConfigureAwait(false);
        }

        var usage = Limiter.GetUsage(endpoint);
        HtxTelemetry.Instrumentation.Weight("requests", endpoint.Budget, usage.Used, usage.Limit);
        HtxLog.Answered(_options.Logger, endpoint.Method.Method, endpoint.Path, status, length, complete ? "" : " (incomplete)", Elapsed(started),
            (usage.Limit - usage.Used).ToString(CultureInfo.InvariantCulture));
        try
        {
            var outcome = HtxResponseClassifier.Classify(endpoint, status, body.AsSpan(0, length), complete, typeInfo);
            if (outcome is Rejected<T> { Error: var error }
                && (error.HttpStatus == 429 || HtxResponseClassifier.TooManyRequestsCodes.Contains(error.Code)))
            {
                var until = Limiter.CurrentWindowEnd(endpoint);
                Limiter.BlockUntil(endpoint, until);
                HtxTelemetry.Instrumentation.RateLimited(endpoint.Method.Method, endpoint.Path, error.HttpStatus);
                HtxLog.RateLimited(_options.Logger, endpoint.Method.Method, endpoint.Path, error.HttpStatus, error.Code, until);
            }

            return outcome;
        }
        finally
        {
            if (body.Length > 0)
            {
                ArrayPool<byte>.Shared.Return(body);
            }
        }
    }

    /// <summary>The signed request (internal so tests can check the pre-sign string against the wire).</summary>
    internal HttpRequestMessage BuildRequest<TParams>(HtxEndpoint endpoint, TParams parameters)
        where TParams : IHtxParameters
    {
        var baseAddress = endpoint.Host == HtxHost.Spot ? _options.SpotBaseAddress : _options.SwapBaseAddress;
        var path = baseAddress.AbsolutePath.TrimEnd('/') + (parameters.PathArgument is { } argument
            ? endpoint.Path.Replace("{account-id}", HtxPercentEncoding.Encode(argument), StringComparison.Ordinal)
            : endpoint.Path);
        var query = new List<KeyValuePair<string, string>>(_signer.AuthParameters(_options.Time.GetUtcNow()));
        if (endpoint.Method == HttpMethod.Get)
        {
            parameters.WriteQuery(query);
        }

        var canonical = HtxSigner.CanonicalQuery(query);
        // The host as the request's Host header carries it: a non-default port is part of it (reference §6.1 FAQ).
        var signature = _signer.Sign(HtxSigner.PreSign(endpoint.Method.Method, baseAddress.Authority, path, canonical));
        var uri = new Uri($"{baseAddress.Scheme}://{baseAddress.Authority}{path}?{canonical}&Signature={HtxPercentEncoding.Encode(signature)}",
            new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });

        var request = new HttpRequestMessage(endpoint.Method, uri);
        if (endpoint.Method != HttpMethod.Get)
        {
            request.Content = new ByteArrayContent(HtxJsonBody.Of(parameters));
            request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        }

        request.Headers.TryAddWithoutValidation("User-Agent", _options.UserAgent);
        return request;
    }

    private long Elapsed(long started) => (long)_options.Time.GetElapsedTime(started).TotalMilliseconds;

    public void Dispose()
    {
        _http.Dispose();
        _signer.Dispose();
    }

    private void ObserveHeaders(HtxEndpoint endpoint, HttpResponseMessage response)
    {
        var headers = response.Headers.NonValidated;
        var (remainName, resetName) = endpoint.Host == HtxHost.Spot
            ? ("X-HB-RateLimit-Requests-Remain", "X-HB-RateLimit-Requests-Expire")
            : ("ratelimit-remaining", "ratelimit-reset");
        var remaining = ReadLong(headers, remainName);
        if (remaining is null)
        {
            return;
        }

        DateTimeOffset? resetAt = null;
        if (ReadLong(headers, resetName) is { } reset)
        {
            // Epoch milliseconds when it looks like one, otherwise milliseconds from now (HTX's wording allows both; assumed).
            resetAt = reset > 1_000_000_000_000 && reset < 253_402_300_799_999
                ? DateTimeOffset.FromUnixTimeMilliseconds(reset)
                : reset is >= 0 and < 3_600_000 ? _options.Time.GetUtcNow().AddMilliseconds(reset) : null;
        }

        Limiter.Observe(endpoint, (int)Math.Clamp(remaining.Value, int.MinValue, int.MaxValue), resetAt);
    }

    private static long? ReadLong(System.Net.Http.Headers.HttpHeadersNonValidated headers, string name) =>
        headers.TryGetValues(name, out var values)
        && long.TryParse(values.ToString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : null;
}
