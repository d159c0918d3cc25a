namespace Ferry.Binance.SubAccount;

/// <summary>The wallet types of the sub-account universal transfer (<c>fromAccountType</c>/<c>toAccountType</c>).</summary>
public enum SubAccountAccountType
{
    /// <summary>SPOT.</summary>
    Spot,
    /// <summary>USDT_FUTURE (USDⓈ-M futures).</summary>
    UsdtFuture,
    /// <summary>COIN_FUTURE (COIN-M futures).</summary>
    CoinFuture,
    /// <summary>MARGIN (cross).</summary>
    Margin,
    /// <summary>ISOLATED_MARGIN (needs <c>symbol</c>).</summary>
    IsolatedMargin,
}
