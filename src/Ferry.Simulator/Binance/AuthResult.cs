namespace Ferry.Simulator.Binance;

/// <summary>The result of authenticating a SIGNED request: the caller's key, or the error to answer; with the request's
/// timestamp and recvWindow, so the timing check can be made again just before the request executes.</summary>
internal readonly record struct AuthResult(SimApiKey? Key, BinanceError? Error, long Timestamp = 0, decimal RecvWindow = 0m)
{
    /// <summary>The recvWindow check at <paramref name="serverTimeMs"/>: null while the request may still execute.</summary>
    public BinanceError? Expired(long serverTimeMs) => serverTimeMs - Timestamp > RecvWindow ? BinanceErrors.OutsideRecvWindow : null;
}
