namespace Ferry.Binance.Http;

/// <summary>
/// One weight budget (an endpoint's IP or UID weight, or the IP weight all /api endpoints share) in the exchange's
/// fixed windows. <see cref="Used"/> is what the limiter counts against the window: its own reservations, weight that
/// was still in flight when the previous window ended (it may reach the exchange in this one), and whatever more the
/// exchange's used-weight headers reported. Guarded by the limiter's lock.
/// </summary>
internal sealed class WeightBucket(int limit)
{
    public int Limit { get; } = limit;

    /// <summary>The start (exchange epoch ms) of the window counted; windows only move forward.</summary>
    public long WindowStartMs { get; private set; } = long.MinValue;

    public int Used { get; private set; }

    /// <summary>Own reservations of this window whose answer has not come back.</summary>
    public int InFlight { get; private set; }

    /// <summary>Own reservations of the previous window still unanswered when it ended.</summary>
    public int Carried { get; private set; }

    /// <summary>The highest used weight the exchange reported for this window (its count never goes down within one).</summary>
    public int Confirmed { get; private set; }

    /// <summary>Local epoch ms until which a 429/418 Retry-After holds this budget back.</summary>
    public long BlockedUntilMs { get; set; }

    /// <summary>Moves to the window starting at <paramref name="windowStartMs"/>; a start that is not later keeps the current one.</summary>
    public void Roll(long windowStartMs, long windowMs)
    {
        if (windowStartMs <= WindowStartMs)
        {
            return;
        }

        // Unanswered weight of the window just ended may be counted by the exchange in this one; older weight is dropped.
        Carried = WindowStartMs != long.MinValue && windowStartMs - WindowStartMs == windowMs ? InFlight : 0;
        Used = Carried;
        InFlight = 0;
        Confirmed = 0;
        WindowStartMs = windowStartMs;
    }

    public bool Fits(int weight) => Used + weight <= Limit;

    /// <summary>Counts the window as full (the shared budget has no room left in it) without claiming the exchange said so.</summary>
    public void Fill() => Used = Math.Max(Used, Limit);

    public void Reserve(int weight)
    {
        Used += weight;
        InFlight += weight;
    }

    /// <summary>Gives back the weight of a reservation whose request was never sent.</summary>
    public void Release(long stampWindowMs, int weight, long windowMs)
    {
        if (stampWindowMs == WindowStartMs)
        {
            InFlight = Math.Max(0, InFlight - weight);
            Used = Math.Max(0, Used - weight);
        }
        else if (stampWindowMs == WindowStartMs - windowMs && Carried >= weight)
        {
            Carried -= weight;
            Used = Math.Max(0, Used - weight);
        }
    }

    /// <summary>
    /// Takes one answer: <paramref name="used"/> is the exchange's header (null when none came), <paramref name="confirmedBefore"/>
    /// the header value known when the request was reserved in window <paramref name="stampWindowMs"/>.
    /// </summary>
    public void Settle(long stampWindowMs, int weight, int confirmedBefore, int? used, long windowMs)
    {
        if (stampWindowMs == WindowStartMs)
        {
            InFlight = Math.Max(0, InFlight - weight);
            Raise(used);
        }
        else if (stampWindowMs == WindowStartMs - windowMs && Carried >= weight)
        {
            Carried -= weight;
            if (used is { } u && confirmedBefore > 0 && u >= confirmedBefore)
            {
                // The exchange's count went on from where it was when the request left: counted in the old window.
                // (With nothing confirmed before it left, there is no telling, so it stays counted here.)
                Used = Math.Max(0, Used - weight);
            }
            else
            {
                // Counted in this window (its count is below the old one's), or no header to say: it stays counted here.
                Raise(used);
            }
        }
    }

    /// <summary>The exchange's count for the current window: never lowers ours, which holds reservations not yet seen.</summary>
    public void Raise(int? used)
    {
        if (used is not { } u)
        {
            return;
        }

        Used = Math.Max(Used, u);
        Confirmed = Math.Max(Confirmed, u);
    }
}
