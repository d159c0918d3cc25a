namespace Ferry.Binance.Wallet;

/// <summary>
/// The <c>type</c> of POST /sapi/v1/asset/transfer: the 31 types of the English docs page plus
/// MAIN_ISOLATED_MARGIN and ISOLATED_MARGIN_MAIN from the Chinese page. Wire names: <see cref="UniversalTransferTypes.WireName"/>.
/// </summary>
public enum UniversalTransferType
{
    /// <summary>MAIN_UMFUTURE: spot → USDⓈ-M futures.</summary>
    MainUmFuture,
    /// <summary>MAIN_CMFUTURE: spot → COIN-M futures.</summary>
    MainCmFuture,
    /// <summary>MAIN_MARGIN: spot → cross margin.</summary>
    MainMargin,
    /// <summary>UMFUTURE_MAIN: USDⓈ-M futures → spot.</summary>
    UmFutureMain,
    /// <summary>UMFUTURE_MARGIN: USDⓈ-M futures → cross margin.</summary>
    UmFutureMargin,
    /// <summary>CMFUTURE_MAIN: COIN-M futures → spot.</summary>
    CmFutureMain,
    /// <summary>CMFUTURE_MARGIN: COIN-M futures → cross margin.</summary>
    CmFutureMargin,
    /// <summary>MARGIN_MAIN: cross margin → spot.</summary>
    MarginMain,
    /// <summary>MARGIN_UMFUTURE: cross margin → USDⓈ-M futures.</summary>
    MarginUmFuture,
    /// <summary>MARGIN_CMFUTURE: cross margin → COIN-M futures.</summary>
    MarginCmFuture,
    /// <summary>ISOLATEDMARGIN_MARGIN: isolated margin → cross margin (fromSymbol required).</summary>
    IsolatedMarginMargin,
    /// <summary>MARGIN_ISOLATEDMARGIN: cross margin → isolated margin (toSymbol required).</summary>
    MarginIsolatedMargin,
    /// <summary>ISOLATEDMARGIN_ISOLATEDMARGIN: isolated → isolated margin (fromSymbol and toSymbol required).</summary>
    IsolatedMarginIsolatedMargin,
    /// <summary>MAIN_FUNDING: spot → funding.</summary>
    MainFunding,
    /// <summary>FUNDING_MAIN: funding → spot.</summary>
    FundingMain,
    /// <summary>FUNDING_UMFUTURE: funding → USDⓈ-M futures.</summary>
    FundingUmFuture,
    /// <summary>UMFUTURE_FUNDING: USDⓈ-M futures → funding.</summary>
    UmFutureFunding,
    /// <summary>MARGIN_FUNDING: cross margin → funding.</summary>
    MarginFunding,
    /// <summary>FUNDING_MARGIN: funding → cross margin.</summary>
    FundingMargin,
    /// <summary>FUNDING_CMFUTURE: funding → COIN-M futures.</summary>
    FundingCmFuture,
    /// <summary>CMFUTURE_FUNDING: COIN-M futures → funding.</summary>
    CmFutureFunding,
    /// <summary>MAIN_OPTION: spot → options.</summary>
    MainOption,
    /// <summary>OPTION_MAIN: options → spot.</summary>
    OptionMain,
    /// <summary>UMFUTURE_OPTION: USDⓈ-M futures → options.</summary>
    UmFutureOption,
    /// <summary>OPTION_UMFUTURE: options → USDⓈ-M futures.</summary>
    OptionUmFuture,
    /// <summary>MARGIN_OPTION: cross margin → options.</summary>
    MarginOption,
    /// <summary>OPTION_MARGIN: options → cross margin.</summary>
    OptionMargin,
    /// <summary>FUNDING_OPTION: funding → options.</summary>
    FundingOption,
    /// <summary>OPTION_FUNDING: options → funding.</summary>
    OptionFunding,
    /// <summary>MAIN_PORTFOLIO_MARGIN: spot → portfolio margin.</summary>
    MainPortfolioMargin,
    /// <summary>PORTFOLIO_MARGIN_MAIN: portfolio margin → spot.</summary>
    PortfolioMarginMain,
    /// <summary>MAIN_ISOLATED_MARGIN: spot → isolated margin (toSymbol required; Chinese docs page only).</summary>
    MainIsolatedMargin,
    /// <summary>ISOLATED_MARGIN_MAIN: isolated margin → spot (fromSymbol required; Chinese docs page only).</summary>
    IsolatedMarginMain,
}
