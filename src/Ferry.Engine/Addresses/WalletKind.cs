namespace Ferry.Engine.Addresses;

/// <summary>A kind of wallet inside one exchange account.</summary>
public enum WalletKind
{
    /// <summary>Binance spot ("MAIN" in transfer types).</summary>
    Spot,
    /// <summary>Binance cross margin.</summary>
    Margin,
    /// <summary>Binance isolated margin; the address names the symbol, e.g. isolated:BTCUSDT.</summary>
    Isolated,
    /// <summary>Binance USDⓈ-M futures.</summary>
    UsdM,
    /// <summary>Binance COIN-M futures.</summary>
    CoinM,
    /// <summary>Binance funding.</summary>
    Funding,
    /// <summary>Binance options.</summary>
    Options,
    /// <summary>Binance portfolio margin.</summary>
    Portfolio,
    /// <summary>HTX spot.</summary>
    HtxSpot,
    /// <summary>HTX USDT-margined swap; cross (USDT) unless the address names a contract, e.g. htx:swap:BTC-USDT.</summary>
    HtxSwap,
}
