namespace Ferry.Binance.ManagedSubAccount;

/// <summary>The account-type filter of the transfer logs (<c>transferFunctionAccountType</c>).</summary>
public enum ManagedAccountType
{
    /// <summary>SPOT.</summary>
    Spot,
    /// <summary>MARGIN (cross).</summary>
    Margin,
    /// <summary>ISOLATED_MARGIN.</summary>
    IsolatedMargin,
    /// <summary>USDT_FUTURE.</summary>
    UsdtFuture,
    /// <summary>COIN_FUTURE.</summary>
    CoinFuture,
}
