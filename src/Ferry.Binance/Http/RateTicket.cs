namespace Ferry.Binance.Http;

/// <summary>
/// Weight reserved ahead of a send by <see cref="WeightLimiter.ReserveAheadAsync"/>: used once, by the first request
/// of its endpoint inside <see cref="WeightLimiter.Prepay"/>, and only in the window it was reserved in.
/// </summary>
public sealed class RateTicket
{
    private int _used;

    internal RateTicket(int endpointId, RateStamp stamp, RateGrant grant)
    {
        EndpointId = endpointId;
        Stamp = stamp;
        Grant = grant;
    }

    /// <summary>Go, or why the weight could not be reserved (nothing may be sent then).</summary>
    public RateGrant Grant { get; }

    /// <summary>The endpoint the weight is reserved on.</summary>
    public int EndpointId { get; }

    /// <summary>The start (Unix ms, on the exchange's clock) of the window the weight was reserved in.</summary>
    public long WindowStartMs => Stamp.WindowStartMs;

    /// <summary>True once a request has used (or refused, for a rolled window) the reservation.</summary>
    public bool Used => Volatile.Read(ref _used) != 0;

    internal RateStamp Stamp { get; }

    /// <summary>Takes the reservation for a request of <paramref name="endpointId"/>; false when it is not one to take.</summary>
    internal bool TryTake(int endpointId) =>
        Grant.Granted && endpointId == EndpointId && Interlocked.Exchange(ref _used, 1) == 0;
}
