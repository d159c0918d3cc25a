namespace Ferry.Binance.SubAccount;

/// <summary><c>type</c> of POST sub-account/futures/transfer.</summary>
public enum SubAccountFuturesTransferType
{
    /// <summary>1: spot → USDⓈ-M futures.</summary>
    SpotToUsdtFuture = 1,
    /// <summary>2: USDⓈ-M futures → spot.</summary>
    UsdtFutureToSpot = 2,
    /// <summary>3: spot → COIN-M futures.</summary>
    SpotToCoinFuture = 3,
    /// <summary>4: COIN-M futures → spot.</summary>
    CoinFutureToSpot = 4,
}
