using Ferry.Addresses;

namespace Ferry.Routing;

/// <summary>
/// Which <c>POST /sapi/v1/asset/transfer</c> type connects two wallets of one account, straight
/// from the endpoint's documented enum (English page, plus MAIN_ISOLATED_MARGIN and
/// ISOLATED_MARGIN_MAIN from the Chinese page).
/// </summary>
public static class WalletTransferTypes
{
    private static readonly Dictionary<(WalletKind From, WalletKind To), string> Types = new()
    {
        [(WalletKind.Spot, WalletKind.UsdM)] = "MAIN_UMFUTURE",
        [(WalletKind.Spot, WalletKind.CoinM)] = "MAIN_CMFUTURE",
        [(WalletKind.Spot, WalletKind.Margin)] = "MAIN_MARGIN",
        [(WalletKind.UsdM, WalletKind.Spot)] = "UMFUTURE_MAIN",
        [(WalletKind.UsdM, WalletKind.Margin)] = "UMFUTURE_MARGIN",
        [(WalletKind.CoinM, WalletKind.Spot)] = "CMFUTURE_MAIN",
        [(WalletKind.CoinM, WalletKind.Margin)] = "CMFUTURE_MARGIN",
        [(WalletKind.Margin, WalletKind.Spot)] = "MARGIN_MAIN",
        [(WalletKind.Margin, WalletKind.UsdM)] = "MARGIN_UMFUTURE",
        [(WalletKind.Margin, WalletKind.CoinM)] = "MARGIN_CMFUTURE",
        [(WalletKind.Isolated, WalletKind.Margin)] = "ISOLATEDMARGIN_MARGIN",
        [(WalletKind.Margin, WalletKind.Isolated)] = "MARGIN_ISOLATEDMARGIN",
        [(WalletKind.Isolated, WalletKind.Isolated)] = "ISOLATEDMARGIN_ISOLATEDMARGIN",
        [(WalletKind.Spot, WalletKind.Funding)] = "MAIN_FUNDING",
        [(WalletKind.Funding, WalletKind.Spot)] = "FUNDING_MAIN",
        [(WalletKind.Funding, WalletKind.UsdM)] = "FUNDING_UMFUTURE",
        [(WalletKind.UsdM, WalletKind.Funding)] = "UMFUTURE_FUNDING",
        [(WalletKind.Margin, WalletKind.Funding)] = "MARGIN_FUNDING",
        [(WalletKind.Funding, WalletKind.Margin)] = "FUNDING_MARGIN",
        [(WalletKind.Funding, WalletKind.CoinM)] = "FUNDING_CMFUTURE",
        [(WalletKind.CoinM, WalletKind.Funding)] = "CMFUTURE_FUNDING",
        [(WalletKind.Spot, WalletKind.Options)] = "MAIN_OPTION",
        [(WalletKind.Options, WalletKind.Spot)] = "OPTION_MAIN",
        [(WalletKind.UsdM, WalletKind.Options)] = "UMFUTURE_OPTION",
        [(WalletKind.Options, WalletKind.UsdM)] = "OPTION_UMFUTURE",
        [(WalletKind.Margin, WalletKind.Options)] = "MARGIN_OPTION",
        [(WalletKind.Options, WalletKind.Margin)] = "OPTION_MARGIN",
        [(WalletKind.Funding, WalletKind.Options)] = "FUNDING_OPTION",
        [(WalletKind.Options, WalletKind.Funding)] = "OPTION_FUNDING",
        [(WalletKind.Spot, WalletKind.Portfolio)] = "MAIN_PORTFOLIO_MARGIN",
        [(WalletKind.Portfolio, WalletKind.Spot)] = "PORTFOLIO_MARGIN_MAIN",
        [(WalletKind.Spot, WalletKind.Isolated)] = "MAIN_ISOLATED_MARGIN",
        [(WalletKind.Isolated, WalletKind.Spot)] = "ISOLATED_MARGIN_MAIN",
    };

    /// <summary>Every (from, to, type) row, for docs and table-driven tests.</summary>
    public static IEnumerable<(WalletKind From, WalletKind To, string Type)> All =>
        Types.Select(pair => (pair.Key.From, pair.Key.To, pair.Value));

    /// <summary>The transfer type that moves money from <paramref name="from"/> to <paramref name="to"/>, or null.</summary>
    public static string? Find(WalletKind from, WalletKind to) => Types.GetValueOrDefault((from, to));
}
