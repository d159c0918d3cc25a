namespace Ferry.Simulator.Binance;

/// <summary>Fixed-window weight counters, one per bucket name (e.g. endpoint + IP, endpoint + UID). Windows are
/// aligned to the epoch like Binance's minute windows. A refused request is not charged.</summary>
internal sealed class WeightBuckets(TimeProvider time, TimeSpan window)
{
    private readonly object _gate = new();
    private readonly Dictionary<string, (long WindowStart, int Used)> _buckets = new(StringComparer.Ordinal);
    private readonly long _windowMs = Math.Max(1L, (long)window.TotalMilliseconds);

    public WeightCharge TryCharge(string bucket, int weight, int limit)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var windowStart = now - (((now % _windowMs) + _windowMs) % _windowMs);
        var retryAfter = (int)Math.Max(1L, (windowStart + _windowMs - now + 999) / 1000);
        lock (_gate)
        {
            var used = _buckets.TryGetValue(bucket, out var b) && b.WindowStart == windowStart ? b.Used : 0;
            if (used + weight > limit)
            {
                _buckets[bucket] = (windowStart, used);
                Throttled++;
                return new WeightCharge(false, used, retryAfter);
            }
            _buckets[bucket] = (windowStart, used + weight);
            _windows[(bucket, windowStart)] = used + weight;
            return new WeightCharge(true, used + weight, retryAfter);
        }
    }

    // Usage records: what each bucket was charged in each window, and how many charges were refused (429).
    private readonly Dictionary<(string Bucket, long WindowStart), int> _windows = new();

    /// <summary>How many charges were refused (each answered 429) since the start.</summary>
    public long Throttled { get; private set; }

    /// <summary>The weight each bucket was charged per window, oldest window first.</summary>
    public IReadOnlyList<SimWindowUsage> Usage()
    {
        lock (_gate)
        {
            return _windows.OrderBy(w => w.Key.WindowStart).ThenBy(w => w.Key.Bucket, StringComparer.Ordinal)
                .Select(w => new SimWindowUsage(w.Key.Bucket, DateTimeOffset.FromUnixTimeMilliseconds(w.Key.WindowStart), w.Value))
                .ToList();
        }
    }

    /// <summary>Refusals so far, read under the lock.</summary>
    public long ThrottledCount()
    {
        lock (_gate) return Throttled;
    }
}
