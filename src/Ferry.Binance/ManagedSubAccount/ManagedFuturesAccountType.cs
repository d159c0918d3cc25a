namespace Ferry.Binance.ManagedSubAccount;

/// <summary>Which futures account fetch-future-asset reads (<c>accountType</c>).</summary>
public enum ManagedFuturesAccountType
{
    /// <summary>USDT_FUTURE: USDⓈ-M (Binance's default).</summary>
    UsdtFuture,
    /// <summary>COIN_FUTURE: COIN-M.</summary>
    CoinFuture,
}
