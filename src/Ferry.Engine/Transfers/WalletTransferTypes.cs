using Ferry.Engine.Addresses;
using Ferry.Binance.Wallet;

namespace Ferry.Engine.Transfers;

/// <summary>
/// Which <c>POST /sapi/v1/asset/transfer</c> type connects two wallets of one account, straight
/// from the endpoint's documented enum (English page, plus MAIN_ISOLATED_MARGIN and
/// ISOLATED_MARGIN_MAIN from the Chinese page).
/// </summary>
public static class WalletTransferTypes
{
    private static readonly Dictionary<(WalletKind From, WalletKind To), UniversalTransferType> Types = new()
    {
        [(WalletKind.Spot, WalletKind.UsdM)] = UniversalTransferType.MainUmFuture,
        [(WalletKind.Spot, WalletKind.CoinM)] = UniversalTransferType.MainCmFuture,
        [(WalletKind.Spot, WalletKind.Margin)] = UniversalTransferType.MainMargin,
        [(WalletKind.UsdM, WalletKind.Spot)] = UniversalTransferType.UmFutureMain,
        [(WalletKind.UsdM, WalletKind.Margin)] = UniversalTransferType.UmFutureMargin,
        [(WalletKind.CoinM, WalletKind.Spot)] = UniversalTransferType.CmFutureMain,
        [(WalletKind.CoinM, WalletKind.Margin)] = UniversalTransferType.CmFutureMargin,
        [(WalletKind.Margin, WalletKind.Spot)] = UniversalTransferType.MarginMain,
        [(WalletKind.Margin, WalletKind.UsdM)] = UniversalTransferType.MarginUmFuture,
        [(WalletKind.Margin, WalletKind.CoinM)] = UniversalTransferType.MarginCmFuture,
        [(WalletKind.Isolated, WalletKind.Margin)] = UniversalTransferType.IsolatedMarginMargin,
        [(WalletKind.Margin, WalletKind.Isolated)] = UniversalTransferType.MarginIsolatedMargin,
        [(WalletKind.Isolated, WalletKind.Isolated)] = UniversalTransferType.IsolatedMarginIsolatedMargin,
        [(WalletKind.Spot, WalletKind.Funding)] = UniversalTransferType.MainFunding,
        [(WalletKind.Funding, WalletKind.Spot)] = UniversalTransferType.FundingMain,
        [(WalletKind.Funding, WalletKind.UsdM)] = UniversalTransferType.FundingUmFuture,
        [(WalletKind.UsdM, WalletKind.Funding)] = UniversalTransferType.UmFutureFunding,
        [(WalletKind.Margin, WalletKind.Funding)] = UniversalTransferType.MarginFunding,
        [(WalletKind.Funding, WalletKind.Margin)] = UniversalTransferType.FundingMargin,
        [(WalletKind.Funding, WalletKind.CoinM)] = UniversalTransferType.FundingCmFuture,
        [(WalletKind.CoinM, WalletKind.Funding)] = UniversalTransferType.CmFutureFunding,
        [(WalletKind.Spot, WalletKind.Options)] = UniversalTransferType.MainOption,
        [(WalletKind.Options, WalletKind.Spot)] = UniversalTransferType.OptionMain,
        [(WalletKind.UsdM, WalletKind.Options)] = UniversalTransferType.UmFutureOption,
        [(WalletKind.Options, WalletKind.UsdM)] = UniversalTransferType.OptionUmFuture,
        [(WalletKind.Margin, WalletKind.Options)] = UniversalTransferType.MarginOption,
        [(WalletKind.Options, WalletKind.Margin)] = UniversalTransferType.OptionMargin,
        [(WalletKind.Funding, WalletKind.Options)] = UniversalTransferType.FundingOption,
        [(WalletKind.Options, WalletKind.Funding)] = UniversalTransferType.OptionFunding,
        [(WalletKind.Spot, WalletKind.Portfolio)] = UniversalTransferType.MainPortfolioMargin,
        [(WalletKind.Portfolio, WalletKind.Spot)] = UniversalTransferType.PortfolioMarginMain,
        [(WalletKind.Spot, WalletKind.Isolated)] = UniversalTransferType.MainIsolatedMargin,
        [(WalletKind.Isolated, WalletKind.Spot)] = UniversalTransferType.IsolatedMarginMain,
    };

    /// <summary>Every (from, to, type) row, for docs and table-driven tests.</summary>
    public static IEnumerable<(WalletKind From, WalletKind To, UniversalTransferType Type)> All =>
        Types.Select(pair => (pair.Key.From, pair.Key.To, pair.Value));

    /// <summary>The transfer type that moves money from <paramref name="from"/> to <paramref name="to"/>, or null.</summary>
    public static UniversalTransferType? Find(WalletKind from, WalletKind to) => Types.TryGetValue((from, to), out var type) ? type : null;
}
