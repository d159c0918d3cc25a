namespace Ferry.Binance.SubAccount;

/// <summary><c>futuresType</c> of the futures internal transfer and its history.</summary>
public enum SubAccountFuturesType
{
    /// <summary>1: USDⓈ-M futures.</summary>
    UsdtMargined = 1,
    /// <summary>2: COIN-M futures.</summary>
    CoinMargined = 2,
}
