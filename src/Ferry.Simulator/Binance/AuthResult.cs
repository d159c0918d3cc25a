namespace Ferry.Simulator.Binance;

/// <summary>The result of authenticating a SIGNED request: the caller's key, or the error to answer.</summary>
internal readonly record struct AuthResult(SimApiKey? Key, BinanceError? Error);
