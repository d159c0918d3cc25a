namespace Ferry.Binance;

/// <summary>Which of Binance's REST hosts serves an endpoint (reference §5b: PY-SDK-BAL constants.py, CCXT-NPM urls).</summary>
public enum BinanceHost
{
    /// <summary><c>/api/*</c> and <c>/sapi/*</c>: <c>api.binance.com</c> (<see cref="BinanceClientOptions.BaseAddress"/>).</summary>
    Spot,
    /// <summary>USDⓈ-M futures, <c>/fapi/*</c>: <c>fapi.binance.com</c>.</summary>
    UsdmFutures,
    /// <summary>COIN-M futures, <c>/dapi/*</c>: <c>dapi.binance.com</c>.</summary>
    CoinFutures,
}
