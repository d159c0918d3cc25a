namespace Ferry.Binance.Http;

/// <summary>
/// A UID weight budget kept in one place for every client that uses one Binance account, on any machine: Binance
/// counts UID weight per account, so processes sharing a key must reserve it together. IP weight is per host and
/// stays in each client's own <see cref="WeightLimiter"/>. Every method is atomic against concurrent callers.
/// </summary>
public interface IUidWeightStore
{
    /// <summary>Adds <paramref name="weight"/> to the window's count when the sum stays within <paramref name="limit"/>;
    /// returns the count after adding, or null when it would not fit (nothing is added then).</summary>
    ValueTask<int?> TryReserveAsync(UidWeightWindow window, int weight, int limit, CancellationToken cancellationToken);

    /// <summary>Takes back weight reserved in the window for a request that was never sent.</summary>
    ValueTask ReturnAsync(UidWeightWindow window, int weight, CancellationToken cancellationToken);

    /// <summary>Raises the window's count to <paramref name="used"/> (the exchange's used-weight header) when that is
    /// higher; never lowers it, since reservations not yet seen by the exchange are part of it.</summary>
    ValueTask RaiseAsync(UidWeightWindow window, int used, CancellationToken cancellationToken);
}
