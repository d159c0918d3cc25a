using System.Globalization;
using Ferry.Outcomes;

namespace Ferry.Binance.Http;

/// <summary>
/// Independent per-endpoint IP and UID weight budgets in fixed windows (Binance: 12000 IP and 180000 UID
/// per endpoint per minute; /api endpoints share one 6000 IP budget). A request that would exceed a budget
/// waits (on the injected clock) instead of being sent; a wait longer than the maximum ends NotSent.
/// Counts sync from the X-SAPI-USED-*-WEIGHT-1M headers; a 429/418 Retry-After blocks the endpoint.
/// </summary>
public sealed class WeightLimiter
{
    private readonly Lock _gate = new();
    private readonly IReadOnlyList<BinanceEndpoint> _endpoints;
    private readonly Bucket[] _ip;
    private readonly Bucket[] _uid;
    private readonly long[] _blockedUntilMs;
    private readonly long _windowMs;
    private readonly TimeSpan _maxWait;
    private readonly TimeProvider _time;

    /// <summary>Builds empty budgets for <paramref name="endpoints"/> (indexed by <see cref="BinanceEndpoint.Id"/>).</summary>
    public WeightLimiter(IReadOnlyList<BinanceEndpoint> endpoints, BinanceClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(options);
        _endpoints = endpoints;
        _windowMs = Math.Max(1, (long)options.WeightWindow.TotalMilliseconds);
        _maxWait = options.MaxRateWait;
        _time = options.Time;
        _ip = new Bucket[endpoints.Count];
        _uid = new Bucket[endpoints.Count];
        _blockedUntilMs = new long[endpoints.Count];
        var sharedApi = new Bucket(options.ApiIpWeightPerMinute);
        for (var i = 0; i < endpoints.Count; i++)
        {
            if (endpoints[i].Id != i)
            {
                throw new ArgumentException($"Endpoint {endpoints[i].Name} has Id {endpoints[i].Id} but sits at position {i}.", nameof(endpoints));
            }

            _ip[i] = endpoints[i].SharesApiBudget ? sharedApi : new Bucket(options.IpWeightPerMinute);
            _uid[i] = new Bucket(options.UidWeightPerMinute);
        }
    }

    /// <summary>Reserves the endpoint's weight, waiting for the next window or a Retry-After when needed. Inside a
    /// <see cref="Prepay"/> scope the first call for the ticket's endpoint uses the ticket's reservation instead.</summary>
    public ValueTask<RateGrant> AcquireAsync(BinanceEndpoint endpoint, CancellationToken cancellationToken)
    {
        if (PrepaidTicket.Value is { } ticket && ticket.TryConsume(endpoint.Id, WindowStartMs(NowMs())))
        {
            return ValueTask.FromResult(RateGrant.Go);
        }

        if (EdgeWait() is > 0 and var edge)
        {
            return WaitAndReserveAsync(endpoint, edge, cancellationToken);
        }

        var wait = TryReserve(endpoint, out var refusal);
        if (refusal is not null)
        {
            return ValueTask.FromResult(new RateGrant(false, NotSentReason.RateBudget, refusal));
        }

        return wait == 0 ? ValueTask.FromResult(RateGrant.Go) : WaitAndReserveAsync(endpoint, wait, cancellationToken);
    }

    /// <summary>Takes the server's count of used weight (response headers) when it is higher than ours.</summary>
    public void Observe(BinanceEndpoint endpoint, int? usedIpWeight, int? usedUidWeight)
    {
        lock (_gate)
        {
            var now = NowMs();
            if (usedIpWeight is { } ip)
            {
                _ip[endpoint.Id].Sync(now, _windowMs, ip);
            }

            if (usedUidWeight is { } uid)
            {
                _uid[endpoint.Id].Sync(now, _windowMs, uid);
            }
        }
    }

    /// <summary>Holds the endpoint back until <paramref name="until"/> (a 429/418 with Retry-After).</summary>
    public void BlockUntil(BinanceEndpoint endpoint, DateTimeOffset until)
    {
        lock (_gate)
        {
            _blockedUntilMs[endpoint.Id] = Math.Max(_blockedUntilMs[endpoint.Id], until.ToUnixTimeMilliseconds());
        }
    }

    /// <summary>The end of the current window, for a 429 that came without Retry-After.</summary>
    public DateTimeOffset CurrentWindowEnd()
    {
        var now = NowMs();
        return DateTimeOffset.FromUnixTimeMilliseconds(now - (now % _windowMs) + _windowMs);
    }

    /// <summary>The current usage of one endpoint's budgets.</summary>
    public WeightUsage GetUsage(BinanceEndpoint endpoint)
    {
        lock (_gate)
        {
            var now = NowMs();
            var ip = _ip[endpoint.Id];
            var uid = _uid[endpoint.Id];
            ip.Roll(now, _windowMs);
            uid.Roll(now, _windowMs);
            var blocked = _blockedUntilMs[endpoint.Id];
            return new WeightUsage(endpoint.Name, ip.Used, ip.Limit, uid.Used, uid.Limit,
                blocked > now ? DateTimeOffset.FromUnixTimeMilliseconds(blocked) : null);
        }
    }

    /// <summary>The current usage of every endpoint, in table order.</summary>
    public IReadOnlyList<WeightUsage> Snapshot()
    {
        var result = new WeightUsage[_endpoints.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = GetUsage(_endpoints[i]);
        }

        return result;
    }

    private async ValueTask<RateGrant> WaitAndReserveAsync(BinanceEndpoint endpoint, long firstWaitMs, CancellationToken cancellationToken)
    {
        var waited = TimeSpan.Zero;
        var wait = firstWaitMs;
        while (wait > 0)
        {
            var delay = TimeSpan.FromMilliseconds(wait);
            if (waited + delay > _maxWait)
            {
                return new RateGrant(false, NotSentReason.RateBudget, string.Create(CultureInfo.InvariantCulture,
                    $"Not sent: {endpoint} would have to wait {(waited + delay).TotalSeconds:0.###} s for rate-limit budget, more than the allowed {_maxWait.TotalSeconds:0.###} s."));
            }

            try
            {
                await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return new RateGrant(false, NotSentReason.Cancelled, $"Not sent: cancelled while waiting for rate-limit budget for {endpoint}.");
            }

            waited += delay;
            wait = TryReserve(endpoint, out var refusal);
            if (refusal is not null)
            {
                return new RateGrant(false, NotSentReason.RateBudget, refusal);
            }
        }

        return RateGrant.Go;
    }

    /// <summary>Reserves and returns 0, or returns how many ms to wait; sets a refusal when it can never fit.</summary>
    private long TryReserve(BinanceEndpoint endpoint, out string? refusal)
    {
        refusal = null;
        var id = endpoint.Id;
        lock (_gate)
        {
            var now = NowMs();
            if (_blockedUntilMs[id] > now)
            {
                return _blockedUntilMs[id] - now;
            }

            var ip = _ip[id];
            var uid = _uid[id];
            if (endpoint.IpWeight > ip.Limit || endpoint.UidWeight > uid.Limit)
            {
                refusal = $"Not sent: one call of {endpoint} weighs more than its whole per-window budget.";
                return 0;
            }

            ip.Roll(now, _windowMs);
            uid.Roll(now, _windowMs);
            if (ip.Used + endpoint.IpWeight > ip.Limit || uid.Used + endpoint.UidWeight > uid.Limit)
            {
                return ip.WindowStartMs + _windowMs - now;
            }

            ip.Used += endpoint.IpWeight;
            uid.Used += endpoint.UidWeight;
            return 0;
        }
    }

    private long NowMs() => _time.GetUtcNow().ToUnixTimeMilliseconds();

    // --- Reserve ahead (issue #9): a caller that must not journal a leg as 'sending' while it waits for budget reserves
    // the weight first, then sends inside Prepay(ticket); the transport's own AcquireAsync then charges nothing more. ---

    private static readonly AsyncLocal<RateTicket?> PrepaidTicket = new();

    /// <summary>
    /// Waits until the endpoint's budgets have room and reserves its weight now, outside the last
    /// <paramref name="edgeGuard"/> of a window (a request reserved at a window's very end could reach the exchange in
    /// the next one). The ticket is used by the first <see cref="AcquireAsync"/> for the endpoint inside
    /// <see cref="Prepay"/>; if the window has rolled by then, that call reserves afresh.
    /// </summary>
    public async ValueTask<RateTicket> ReserveAheadAsync(BinanceEndpoint endpoint, TimeSpan edgeGuard, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        endpoint = _endpoints[endpoint.Id];
        var guardMs = Math.Clamp((long)edgeGuard.TotalMilliseconds, 0, _windowMs / 2);
        var waited = TimeSpan.Zero;
        while (true)
        {
            long wait;
            string? refusal = null;
            var now = NowMs();
            var intoWindow = now - WindowStartMs(now);
            if (guardMs > 0 && intoWindow >= _windowMs - guardMs)
            {
                wait = _windowMs - intoWindow;
            }
            else
            {
                wait = TryReserve(endpoint, out refusal);
            }

            if (refusal is not null)
            {
                return new RateTicket(endpoint.Id, 0, new RateGrant(false, NotSentReason.RateBudget, refusal));
            }

            if (wait == 0)
            {
                return new RateTicket(endpoint.Id, WindowStartMs(now), RateGrant.Go);
            }

            var delay = TimeSpan.FromMilliseconds(wait);
            if (waited + delay > _maxWait)
            {
                return new RateTicket(endpoint.Id, 0, new RateGrant(false, NotSentReason.RateBudget, string.Create(CultureInfo.InvariantCulture,
                    $"Not sent: {endpoint} would have to wait {(waited + delay).TotalSeconds:0.###} s for rate-limit budget, more than the allowed {_maxWait.TotalSeconds:0.###} s.")));
            }

            try
            {
                await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return new RateTicket(endpoint.Id, 0, new RateGrant(false, NotSentReason.Cancelled, $"Not sent: cancelled while waiting for rate-limit budget for {endpoint}."));
            }

            waited += delay;
        }
    }

    /// <summary>Makes <paramref name="ticket"/> pay for the next request of its endpoint in this async flow; dispose to end.</summary>
    public static IDisposable Prepay(RateTicket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var previous = PrepaidTicket.Value;
        PrepaidTicket.Value = ticket;
        return new PrepayScope(previous);
    }

    private long WindowStartMs(long nowMs) => nowMs - (nowMs % _windowMs);

    private static readonly AsyncLocal<TimeSpan?> EdgeGuard = new();

    /// <summary>
    /// Inside the returned scope, requests in this async flow are not reserved in the last <paramref name="guard"/> of a
    /// window: they wait for the next one. For bulk work (e.g. reading a thousand balances): a request reserved at a
    /// window's very end can reach the exchange in the next window, on top of a budget the client already spends in full
    /// there, and be answered 429. Dispose to end.
    /// </summary>
    public static IDisposable GuardWindowEdges(TimeSpan guard)
    {
        var previous = EdgeGuard.Value;
        EdgeGuard.Value = guard;
        return new EdgeGuardScope(previous);
    }

    /// <summary>How long to wait for the next window when a guard is on and now is inside it; else 0.</summary>
    private long EdgeWait()
    {
        if (EdgeGuard.Value is not { } guard) return 0;
        var guardMs = Math.Clamp((long)guard.TotalMilliseconds, 0, _windowMs / 2);
        var intoWindow = NowMs() % _windowMs;
        return guardMs > 0 && intoWindow >= _windowMs - guardMs ? _windowMs - intoWindow : 0;
    }

    private sealed class EdgeGuardScope(TimeSpan? previous) : IDisposable
    {
        public void Dispose() => EdgeGuard.Value = previous;
    }

    private sealed class PrepayScope(RateTicket? previous) : IDisposable
    {
        public void Dispose() => PrepaidTicket.Value = previous;
    }

    private sealed class Bucket(int limit)
    {
        public int Limit { get; } = limit;

        public int Used { get; set; }

        public long WindowStartMs { get; private set; } = long.MinValue;

        public void Roll(long nowMs, long windowMs)
        {
            var start = nowMs - (nowMs % windowMs);
            if (start != WindowStartMs)
            {
                WindowStartMs = start;
                Used = 0;
            }
        }

        public void Sync(long nowMs, long windowMs, int serverUsed)
        {
            Roll(nowMs, windowMs);
            Used = Math.Max(Used, serverUsed);
        }
    }
}
