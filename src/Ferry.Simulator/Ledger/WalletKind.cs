namespace Ferry.Simulator.Ledger;

/// <summary>The kinds of wallet a simulated Binance user holds; <see cref="IsolatedMargin"/> is further split per symbol.</summary>
public enum WalletKind
{
    /// <summary>Spot ("MAIN" in universal-transfer type names).</summary>
    Spot,
    /// <summary>Cross margin.</summary>
    Margin,
    /// <summary>Isolated margin; one wallet per symbol such as BTCUSDT.</summary>
    IsolatedMargin,
    /// <summary>USDⓈ-M futures ("UMFUTURE").</summary>
    UsdtFuture,
    /// <summary>COIN-M futures ("CMFUTURE").</summary>
    CoinFuture,
    /// <summary>Funding.</summary>
    Funding,
    /// <summary>Vanilla options.</summary>
    Option,
    /// <summary>Portfolio margin.</summary>
    PortfolioMargin,
    /// <summary>HTX spot account, available ("trade") balance.</summary>
    HtxSpot,
    /// <summary>HTX spot account, frozen balance (seeded only; no endpoint moves it).</summary>
    HtxSpotFrozen,
    /// <summary>HTX USDT-margined swap cross margin account (margin account "USDT").</summary>
    HtxSwapCross,
    /// <summary>HTX USDT-margined swap isolated margin account; one per contract code such as BTC-USDT.</summary>
    HtxSwapIsolated,
}
