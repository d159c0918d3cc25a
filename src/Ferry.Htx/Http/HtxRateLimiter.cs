using System.Globalization;
using Ferry.Core.Outcomes;

namespace Ferry.Htx.Http;

/// <summary>
/// Request budgets per HTX rate bucket (the transfer 1 per second, accounts 100 per 2 s, the private swap
/// endpoints 72 per 3 s shared) in fixed windows on the injected clock. A request that would exceed its budget
/// waits instead of being sent; a wait longer than the maximum ends NotSent. HTX's headers
/// (<c>X-HB-RateLimit-Requests-Remain/Expire</c>, <c>ratelimit-remaining/reset</c>) hold a budget back when
/// they say it is spent.
/// </summary>
public sealed class HtxRateLimiter
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Budget> _budgets = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly TimeSpan _maxWait;

    /// <summary>Builds empty budgets for <paramref name="endpoints"/>; endpoints naming one budget share it.</summary>
    public HtxRateLimiter(IReadOnlyList<HtxEndpoint> endpoints, HtxClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(options);
        _time = options.Time;
        _maxWait = options.MaxRateWait;
        foreach (var endpoint in endpoints)
        {
            if (!_budgets.ContainsKey(endpoint.Budget))
            {
                _budgets[endpoint.Budget] = new Budget(endpoint.RequestsPerWindow, Math.Max(1, (long)endpoint.Window.TotalMilliseconds));
            }
        }
    }

    /// <summary>Reserves one request of <paramref name="endpoint"/>'s budget, waiting for the next window when needed.</summary>
    public async ValueTask<LimiterGrant> AcquireAsync(HtxEndpoint endpoint, CancellationToken cancellationToken)
    {
        var waited = TimeSpan.Zero;
        while (true)
        {
            var wait = TryReserve(endpoint);
            if (wait == 0)
            {
                return LimiterGrant.Go;
            }

            var delay = TimeSpan.FromMilliseconds(wait);
            if (waited + delay > _maxWait)
            {
                return new LimiterGrant(false, NotSentReason.RateBudget, string.Create(CultureInfo.InvariantCulture,
                    $"Not sent: {endpoint} would have to wait {(waited + delay).TotalSeconds:0.###} s for its rate budget, more than the allowed {_maxWait.TotalSeconds:0.###} s."));
            }

            try
            {
                await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return new LimiterGrant(false, NotSentReason.Cancelled, $"Not sent: cancelled while waiting for the rate budget of {endpoint}.");
            }

            waited += delay;
        }
    }

    /// <summary>
    /// Takes HTX's rate headers: when <paramref name="remaining"/> is 0 the budget is held back until
    /// <paramref name="resetAt"/> (or the end of the current window when HTX did not say).
    /// </summary>
    public void Observe(HtxEndpoint endpoint, int? remaining, DateTimeOffset? resetAt)
    {
        lock (_gate)
        {
            var budget = _budgets[endpoint.Budget];
            var now = NowMs();
            budget.Roll(now);
            if (remaining is { } left)
            {
                budget.Used = Math.Max(budget.Used, budget.Limit - left);
                if (left <= 0)
                {
                    budget.BlockedUntilMs = Math.Max(budget.BlockedUntilMs,
                        resetAt?.ToUnixTimeMilliseconds() ?? budget.WindowStartMs + budget.WindowMs);
                }
            }
        }
    }

    /// <summary>Holds the endpoint's budget back until <paramref name="until"/> (HTX answered "too many requests").</summary>
    public void BlockUntil(HtxEndpoint endpoint, DateTimeOffset until)
    {
        lock (_gate)
        {
            var budget = _budgets[endpoint.Budget];
            budget.BlockedUntilMs = Math.Max(budget.BlockedUntilMs, until.ToUnixTimeMilliseconds());
        }
    }

    /// <summary>The end of <paramref name="endpoint"/>'s current window.</summary>
    public DateTimeOffset CurrentWindowEnd(HtxEndpoint endpoint)
    {
        lock (_gate)
        {
            var budget = _budgets[endpoint.Budget];
            budget.Roll(NowMs());
            return DateTimeOffset.FromUnixTimeMilliseconds(budget.WindowStartMs + budget.WindowMs);
        }
    }

    /// <summary>Requests used in the current window of <paramref name="endpoint"/>'s budget, its limit, and until when it is held back.</summary>
    public (int Used, int Limit, DateTimeOffset? BlockedUntil) GetUsage(HtxEndpoint endpoint)
    {
        lock (_gate)
        {
            var budget = _budgets[endpoint.Budget];
            var now = NowMs();
            budget.Roll(now);
            return (budget.Used, budget.Limit, budget.BlockedUntilMs > now ? DateTimeOffset.FromUnixTimeMilliseconds(budget.BlockedUntilMs) : null);
        }
    }

    private long TryReserve(HtxEndpoint endpoint)
    {
        lock (_gate)
        {
            var budget = _budgets[endpoint.Budget];
            var now = NowMs();
            if (budget.BlockedUntilMs > now)
            {
                return budget.BlockedUntilMs - now;
            }

            budget.Roll(now);
            if (budget.Used + 1 > budget.Limit)
            {
                return budget.WindowStartMs + budget.WindowMs - now;
            }

            budget.Used++;
            return 0;
        }
    }

    private long NowMs() => _time.GetUtcNow().ToUnixTimeMilliseconds();

    private sealed class Budget(int limit, long windowMs)
    {
        public int Limit { get; } = limit;

        public long WindowMs { get; } = windowMs;

        public int Used { get; set; }

        public long WindowStartMs { get; private set; } = long.MinValue;

        public long BlockedUntilMs { get; set; }

        public void Roll(long nowMs)
        {
            var start = nowMs - (nowMs % WindowMs);
            if (start != WindowStartMs)
            {
                WindowStartMs = start;
                Used = 0;
            }
        }
    }
}
