using System.Text.Json.Serialization.Metadata;
using Ferry.Binance.Models;
using Ferry.Binance.Signing;
using Ferry.Core.Credentials;
using Ferry.Core.Outcomes;
using Ferry.Core.Telemetry;

namespace Ferry.Binance.Http;

/// <summary>
/// Sends one logical request: checks recvWindow, times it against the server clock, waits for rate budget,
/// then makes the HTTP exchange. It resends only in safe cases: once after a -1021 rejection (the request
/// was refused, so nothing executed), a GET ending Unknown when <see cref="BinanceClientOptions.GetRetryCount"/> allows,
/// and a GET answered 429/418 after its Retry-After when <see cref="BinanceClientOptions.RateLimitedGetRetries"/> allows.
/// A POST is never resent.
/// </summary>
internal sealed class BinanceTransport : IDisposable
{
    private readonly HttpExchange _exchange;
    private readonly BinanceClientOptions _options;

    public BinanceTransport(ApiCredentials credentials, BinanceClientOptions options, HttpMessageHandler? handler)
    {
        _options = options;
        Endpoints = BinanceEndpoints.For(options);
        Limiter = new WeightLimiter(Endpoints, options, options.UidWeightStore is null ? null : UidWeightWindow.AccountOf(credentials.ApiKey));
        var signer = RequestSigner.Create(credentials);
        Clock = new ServerClock(options.Time, ct => SendAsync(Endpoints[BinanceEndpoints.ServerTime.Id], NoParameters.Instance, null,
            BinanceJsonContext.Default.ServerTimeResult, ct));
        Limiter.FollowServerClock(Clock);
        _exchange = new HttpExchange(credentials.ApiKey, signer, options, Endpoints, Limiter, Clock, handler);
    }

    public IReadOnlyList<BinanceEndpoint> Endpoints { get; }

    public WeightLimiter Limiter { get; }

    public ServerClock Clock { get; }

    /// <summary>The client's copy of <paramref name="endpoint"/> (with configured weights).</summary>
    public BinanceEndpoint Resolve(BinanceEndpoint endpoint) => Endpoints[endpoint.Id];

    /// <summary>
    /// Sends <paramref name="parameters"/> unless local validation found a <paramref name="problem"/>; then it ends
    /// NotSent InvalidInput with that sentence and nothing is sent. Every API group validates and sends this way.
    /// </summary>
    public Task<Outcome<T>> SendIfValidAsync<TParams, T>(BinanceEndpoint endpoint, TParams parameters, string? problem, int? recvWindow,
        JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
        where TParams : IWireParameters =>
        problem is not null
            ? Task.FromResult<Outcome<T>>(new NotSent<T>(NotSentReason.InvalidInput, problem))
            : SendAsync(endpoint, parameters, recvWindow, typeInfo, cancellationToken);

    /// <summary>Sends one logical request in its own span; its outcome is counted and logged once, whatever the attempts.</summary>
    public async Task<Outcome<T>> SendAsync<TParams, T>(
        BinanceEndpoint endpoint, TParams parameters, int? recvWindow, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
        where TParams : IWireParameters
    {
        endpoint = Resolve(endpoint);
        var method = endpoint.Method.Method;
        var started = _options.Time.GetTimestamp();
        var activity = BinanceTelemetry.Instrumentation.StartRequest(method, endpoint.Path, endpoint.IpWeight, endpoint.UidWeight);
        Outcome<T>? outcome = null;
        try
        {
            outcome = await SendAttemptsAsync(endpoint, parameters, recvWindow, typeInfo, cancellationToken).ConfigureAwait(false);
            return outcome;
        }
        finally
        {
            BinanceTelemetry.Instrumentation.EndRequest(activity, method, endpoint.Path, outcome, _options.Time.GetElapsedTime(started));
            var (name, detail) = VenueInstrumentation.LogSummary(outcome);
            if (outcome is Unknown<T>)
            {
                BinanceLog.EndedUnknown(_options.Logger, method, endpoint.Path, detail);
            }
            else
            {
                BinanceLog.Ended(_options.Logger, method, endpoint.Path, name, detail);
            }
        }
    }

    private async Task<Outcome<T>> SendAttemptsAsync<TParams, T>(
        BinanceEndpoint endpoint, TParams parameters, int? recvWindow, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
        where TParams : IWireParameters
    {
        var window = recvWindow ?? _options.RecvWindow;
        if (window is < 1 or > BinanceClientOptions.MaxRecvWindow)
        {
            return new NotSent<T>(NotSentReason.InvalidInput, $"recvWindow must be between 1 and 60000 ms, not {window}.");
        }

        if (_exchange.NoAddress(endpoint) is { } noAddress)
        {
            return new NotSent<T>(NotSentReason.HostNotAllowed, noAddress);
        }

        if (cancellationToken.IsCancellationRequested)
        {
            return SendFailure.CancelledBeforeSending<T>(endpoint);
        }

        if (endpoint.Signed && await Clock.EnsureMeasuredAsync(cancellationToken).ConfigureAwait(false) is { } refusal)
        {
            return refusal.ToOutcome<T>();
        }

        var resentAfterClockError = false;
        var retries = 0;
        var rateRetries = 0;
        Outcome<T>? throttled = null;
        while (true)
        {
            var grant = await Limiter.AcquireAsync(endpoint, cancellationToken).ConfigureAwait(false);
            if (!grant.Granted)
            {
                // A GET waiting to be sent again after a 429: if it cannot be, the exchange's answer stands.
                return throttled ?? new NotSent<T>(grant.Reason, grant.Message ?? "Not sent: no rate-limit budget.");
            }

            var outcome = await _exchange.SendAsync(endpoint, parameters, window, typeInfo, grant.Stamp, cancellationToken).ConfigureAwait(false);
            if (endpoint.Signed && !resentAfterClockError && outcome is Rejected<T> { Error.Code: "-1021" })
            {
                // The exchange refused the request for its timestamp: nothing executed, so re-timing it is safe.
                resentAfterClockError = true;
                if (await Clock.MeasureAsync(cancellationToken).ConfigureAwait(false) is Done<TimeSpan>)
                {
                    BinanceLog.Retimed(_options.Logger, endpoint.Method.Method, endpoint.Path);
                    continue;
                }

                return outcome;
            }

            if (endpoint.Method == HttpMethod.Get && !cancellationToken.IsCancellationRequested)
            {
                if (outcome is Unknown<T> && retries < _options.GetRetryCount)
                {
                    retries++;
                    BinanceLog.GetAgain(_options.Logger, endpoint.Method.Method, endpoint.Path, "its outcome was unknown");
                    continue;
                }

                // 429/418: not executed, and the limiter now holds the budget back until Retry-After; the next
                // AcquireAsync waits for that on the injected clock. Only a GET goes again: it changes nothing.
                if (outcome is Rejected<T> { Error.HttpStatus: 429 or 418 } && rateRetries < _options.RateLimitedGetRetries)
                {
                    rateRetries++;
                    throttled = outcome;
                    BinanceLog.GetAgain(_options.Logger, endpoint.Method.Method, endpoint.Path, "after its Retry-After");
                    continue;
                }
            }

            return outcome;
        }
    }

    public void Dispose()
    {
        _exchange.Dispose();
        Clock.Dispose();
    }
}
