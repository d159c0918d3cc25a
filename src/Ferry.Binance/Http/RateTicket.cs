namespace Ferry.Binance.Http;

/// <summary>
/// Weight reserved ahead of a send by <see cref="WeightLimiter.ReserveAheadAsync"/>: used once, by the first request
/// of its endpoint inside <see cref="WeightLimiter.Prepay"/>, and only in the window it was reserved in.
/// </summary>
public sealed class RateTicket
{
    private int _used;

    internal RateTicket(int endpointId, long windowStartMs, RateGrant grant)
    {
        EndpointId = endpointId;
        WindowStartMs = windowStartMs;
        Grant = grant;
    }

    /// <summary>Go, or why the weight could not be reserved (nothing may be sent then).</summary>
    public RateGrant Grant { get; }

    /// <summary>The endpoint the weight is reserved on.</summary>
    public int EndpointId { get; }

    /// <summary>The start (Unix ms) of the window the weight was reserved in.</summary>
    public long WindowStartMs { get; }

    /// <summary>True once a request has used (or refused, for a rolled window) the reservation.</summary>
    public bool Used => Volatile.Read(ref _used) != 0;

    internal bool TryConsume(int endpointId, long currentWindowStartMs)
    {
        if (!Grant.Granted || endpointId != EndpointId || Interlocked.Exchange(ref _used, 1) != 0)
        {
            return false;
        }

        // A reservation of a window that has ended no longer covers the request; the caller reserves afresh.
        return currentWindowStartMs == WindowStartMs;
    }
}
