namespace Ferry.Binance.SubAccount;

/// <summary>Which futures account (<c>futuresType</c>).</summary>
public enum FuturesType
{
    /// <summary>1: USDⓈ-margined futures.</summary>
    UsdtMargined = 1,
    /// <summary>2: COIN-margined futures.</summary>
    CoinMargined = 2,
}
