namespace Ferry.Binance.Http;

/// <summary>
/// What the limiter knew when it reserved one request's weight: the window it was charged to (on the exchange's clock)
/// and the used weight the exchange had already confirmed for that window on each budget. The answer's headers are
/// read against it: a count below what was confirmed before the request left means the exchange counted it in a later
/// window. The default value stands for "no reservation"; <paramref name="IsShared"/> says the UID weight is also
/// reserved in the shared <see cref="IUidWeightStore"/>.
/// </summary>
internal readonly record struct RateStamp(long WindowStartMs, int IpConfirmed, int UidConfirmed, bool IsReserved = true, bool IsShared = false);
