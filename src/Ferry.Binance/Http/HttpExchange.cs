using Ferry.Core.Http;
using System.Buffers;
using System.Globalization;
using System.Text.Json.Serialization.Metadata;
using Ferry.Binance.Signing;
using Ferry.Core.Outcomes;

namespace Ferry.Binance.Http;

/// <summary>
/// One HTTP exchange on the hot path: writes the parameters (plus recvWindow, timestamp and signature for
/// signed endpoints) into a pooled buffer, sends GET parameters in the query and POST parameters in a form
/// body, reads the answer into a pooled buffer, feeds the limiter from the headers and classifies the result.
/// </summary>
internal sealed class HttpExchange : IDisposable
{
    private readonly HttpMessageInvoker _http;
    private readonly string _apiKey;
    private readonly RequestSigner _signer;
    private readonly BinanceClientOptions _options;
    private readonly WeightLimiter _limiter;
    private readonly ServerClock _clock;
    private readonly Uri?[] _uris;
    private readonly string[] _queryPrefixes;

    public HttpExchange(string apiKey, RequestSigner signer, BinanceClientOptions options, IReadOnlyList<BinanceEndpoint> endpoints,
        WeightLimiter limiter, ServerClock clock, HttpMessageHandler? handler)
    {
        _apiKey = apiKey;
        _signer = signer;
        _options = options;
        _limiter = limiter;
        _clock = clock;
        _http = handler is null
            ? new HttpMessageInvoker(KeyedHttpHandler.Create(options.BaseAddress, options.Proxy, Ferry.Core.Safety.KeyHostAllowlist.BinanceHosts), disposeHandler: true)
            : new HttpMessageInvoker(handler, disposeHandler: false);

        _uris = new Uri?[endpoints.Count];
        _queryPrefixes = new string[endpoints.Count];
        for (var i = 0; i < endpoints.Count; i++)
        {
            // Each endpoint goes to its own host's address (validated by the allowlist); none when the host has none.
            if (options.AddressOf(endpoints[i].Host) is not { } address)
            {
                continue;
            }

            var root = address.AbsoluteUri.TrimEnd('/');
            _uris[i] = new Uri(root + endpoints[i].Path, UriKind.Absolute);
            _queryPrefixes[i] = root + endpoints[i].Path + "?";
        }
    }

    /// <summary>Null when <paramref name="endpoint"/> has an address to go to; otherwise one sentence saying why it has none.</summary>
    public string? NoAddress(BinanceEndpoint endpoint) =>
        _uris[endpoint.Id] is not null ? null
        : $"Not sent: no address serves {endpoint} here (Binance's spot testnet has no futures); set "
          + $"{(endpoint.Host == BinanceHost.UsdmFutures ? nameof(BinanceClientOptions.UsdmFuturesBaseAddress) : nameof(BinanceClientOptions.CoinFuturesBaseAddress))} to use it.";

    /// <summary>Sends one request whose weight <paramref name="stamp"/> reserved; the limiter learns from the answer.</summary>
    public async Task<Outcome<T>> SendAsync<TParams, T>(
        BinanceEndpoint endpoint, TParams parameters, int recvWindow, JsonTypeInfo<T> typeInfo, RateStamp stamp, CancellationToken cancellationToken)
        where TParams : IWireParameters
    {
        var writer = new ParameterWriter();
        var request = BuildRequest(endpoint, parameters, recvWindow, writer);
        if (cancellationToken.IsCancellationRequested)
        {
            request.Dispose();
            writer.Dispose();
            await _limiter.ReleaseAsync(endpoint, stamp).ConfigureAwait(false);
            return SendFailure.CancelledBeforeSending<T>(endpoint);
        }

        using var timeout = new CancellationTokenSource(_options.Timeout, _options.Time);
        using var link = cancellationToken.CanBeCanceled
            ? cancellationToken.UnsafeRegister(static s => ((CancellationTokenSource)s!).Cancel(), timeout)
            : default;

        HttpResponseMessage response;
        var started = _options.Time.GetTimestamp();
        try
        {
            response = await _http.SendAsync(request, timeout.Token).ConfigureAwait(false);
        }
        catch (HttpRequestException e) when (SendFailure.NothingWasSent(e))
        {
            request.Dispose();
            writer.Dispose();
            await _limiter.ReleaseAsync(endpoint, stamp).ConfigureAwait(false);
            LogFailure(endpoint, started, "not sent", e);
            return SendFailure.Unreachable<T>(_uris[endpoint.Id]!.Host, e);
        }
        catch (Exception e) when (SendFailure.IsTransportFailure(e))
        {
            // The bytes may be in flight: keep the buffer away from the pool and say what we know.
            request.Dispose();
            writer.Abandon();
            // It may have been counted: the weight stays, only no longer in flight.
            _ = _limiter.Settle(endpoint, stamp, null, null, null);
            LogFailure(endpoint, started, "no answer", e);
            return SendFailure.AfterSending<T>(endpoint, e, _options.Timeout, cancellationToken);
        }

        byte[] body = [];
        var length = 0;
        var complete = false;
        int status;
        (int? Ip, int? Uid, (UidWeightWindow, int)? SharedRaise) weights;
        using (response)
        {
            status = (int)response.StatusCode;
            weights = ObserveHeaders(endpoint, stamp, response, _options.Time.GetElapsedTime(started));
            (body, length, complete) = await PooledResponseBody.ReadAsync(response.Content, timeout.Token).ConfigureAwait(false);
        }

        await _limiter.RaiseSharedAsync(weights.SharedRaise, timeout.Token).ConfigureAwait(false);

        request.Dispose();
        writer.Dispose();
        LogAnswer(endpoint, started, status, length, complete, (weights.Ip, weights.Uid));

        try
        {
            return ResponseClassifier.Classify(endpoint, status, body.AsSpan(0, length), complete, typeInfo);
        }
        finally
        {
            if (body.Length > 0)
            {
                ArrayPool<byte>.Shared.Return(body);
            }
        }
    }

    public void Dispose()
    {
        _http.Dispose();
        _signer.Dispose();
    }

    private HttpRequestMessage BuildRequest<TParams>(BinanceEndpoint endpoint, TParams parameters, int recvWindow, ParameterWriter writer)
        where TParams : IWireParameters
    {
        parameters.WriteTo(writer);
        if (endpoint.Signed)
        {
            writer.Add("recvWindow", recvWindow);
            writer.Add("timestamp", _clock.NowMilliseconds());
            Span<byte> signature = stackalloc byte[_signer.MaxSignatureLength];
            var signatureLength = _signer.Sign(writer.Written, signature);
            writer.AppendRaw("signature", signature[..signatureLength]);
        }

        HttpRequestMessage request;
        if (endpoint.Method == HttpMethod.Get)
        {
            request = new HttpRequestMessage(HttpMethod.Get, writer.Length == 0 ? _uris[endpoint.Id]! : QueryUri(endpoint, writer));
        }
        else
        {
            request = new HttpRequestMessage(endpoint.Method, _uris[endpoint.Id]!)
            {
                Content = new ByteArrayContent(writer.Buffer, 0, writer.Length),
            };
            request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/x-www-form-urlencoded");
        }

        if (endpoint.Keyed)
        {
            request.Headers.TryAddWithoutValidation("X-MBX-APIKEY", _apiKey);
        }

        request.Headers.TryAddWithoutValidation("User-Agent", _options.UserAgent);
        return request;
    }

    private Uri QueryUri(BinanceEndpoint endpoint, ParameterWriter writer)
    {
        var prefix = _queryPrefixes[endpoint.Id];
        var text = string.Create(prefix.Length + writer.Length, (prefix, writer), static (span, state) =>
        {
            state.prefix.CopyTo(span);
            var query = state.writer.Written;
            var target = span[state.prefix.Length..];
            for (var i = 0; i < query.Length; i++)
            {
                target[i] = (char)query[i];
            }
        });
        return new Uri(text, UriKind.Absolute);
    }

    private (int? Ip, int? Uid, (UidWeightWindow, int)? SharedRaise) ObserveHeaders(BinanceEndpoint endpoint, RateStamp stamp, HttpResponseMessage response, TimeSpan roundTrip)
    {
        var headers = response.Headers.NonValidated;
        // /api, /fapi and /dapi report their host's shared IP budget; each /sapi endpoint its own (reference §5b.1).
        int? ip = endpoint.SharesHostBudget ? ReadInt(headers, "X-MBX-USED-WEIGHT-1M") : ReadInt(headers, "X-SAPI-USED-IP-WEIGHT-1M");
        var uid = ReadInt(headers, "X-SAPI-USED-UID-WEIGHT-1M");
        var sharedRaise = _limiter.Settle(endpoint, stamp, ip, uid, roundTrip);
        RecordWeights(endpoint, ip, uid);

        var status = (int)response.StatusCode;
        if (status is 429 or 418)
        {
            var retry = response.Headers.RetryAfter;
            var now = _options.Time.GetUtcNow();
            var until = retry?.Delta is { } delta ? now + delta
                : retry?.Date is { } date ? date - _clock.Offset
                : _limiter.CurrentWindowEnd();
            BinanceTelemetry.Instrumentation.RateLimited(endpoint.Method.Method, endpoint.Path, status);
            BinanceLog.RateLimited(_options.Logger, endpoint.Method.Method, endpoint.Path, status, until);
            if (status == 418)
            {
                // An IP ban: nothing from this IP may go until it ends.
                _limiter.BlockIpUntil(until);
            }

            _limiter.BlockUntil(endpoint, until);
        }

        return (ip, uid, sharedRaise);
    }

    /// <summary>
    /// One diagnostic line for an answered exchange, on the logger and the <see cref="BinanceClientOptions.RequestLog"/>
    /// callback. Built from the endpoint's method and path only: the query (which holds the signature), the body and the
    /// headers sent (which hold the API key) never reach it.
    /// </summary>
    private void LogAnswer(BinanceEndpoint endpoint, long started, int status, int length, bool complete, (int? Ip, int? Uid) weights)
    {
        var logged = _options.Logger.IsEnabled(Microsoft.Extensions.Logging.LogLevel.Debug);
        if (!logged && _options.RequestLog is null)
        {
            return;
        }

        var elapsed = Elapsed(started);
        var incomplete = complete ? "" : " (incomplete)";
        BinanceLog.Answered(_options.Logger, endpoint.Method.Method, endpoint.Path, status, length, incomplete, elapsed, Weight(weights.Ip), Weight(weights.Uid));
        _options.RequestLog?.Invoke(string.Create(CultureInfo.InvariantCulture,
            $"{endpoint.Method.Method} {endpoint.Path} -> HTTP {status}, {length} bytes{incomplete}, {elapsed} ms; used weight: ip {Weight(weights.Ip)}, uid {Weight(weights.Uid)}"));
    }

    private void LogFailure(BinanceEndpoint endpoint, long started, string what, Exception e)
    {
        var elapsed = Elapsed(started);
        BinanceLog.Failed(_options.Logger, endpoint.Method.Method, endpoint.Path, what, SendFailure.Describe(e), elapsed);
        _options.RequestLog?.Invoke(string.Create(CultureInfo.InvariantCulture,
            $"{endpoint.Method.Method} {endpoint.Path} -> {what} ({SendFailure.Describe(e)}), {elapsed} ms"));
    }

    /// <summary>The used weight the exchange reported, against the limit the client paces to (a /api, /fapi or /dapi
    /// IP budget is the host's, so its scope is the path's first segment).</summary>
    private void RecordWeights(BinanceEndpoint endpoint, int? ip, int? uid)
    {
        var (ipLimit, uidLimit) = _limiter.LimitsOf(endpoint);
        if (ip is { } usedIp)
        {
            var scope = endpoint.SharesHostBudget ? endpoint.Path[..endpoint.Path.IndexOf('/', 1)] : endpoint.Path;
            BinanceTelemetry.Instrumentation.Weight("ip", scope, usedIp, ipLimit);
        }

        if (uid is { } usedUid)
        {
            BinanceTelemetry.Instrumentation.Weight("uid", endpoint.Path, usedUid, uidLimit);
        }
    }

    private long Elapsed(long started) => (long)_options.Time.GetElapsedTime(started).TotalMilliseconds;

    private static string Weight(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "-";

    private static int? ReadInt(System.Net.Http.Headers.HttpHeadersNonValidated headers, string name) =>
        headers.TryGetValues(name, out var values)
        && int.TryParse(values.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
}
