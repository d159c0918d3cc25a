using Ferry.Simulator.Ledger;

namespace Ferry.Simulator.Binance;

/// <summary>The 33 universal-transfer types: the 31 of the English page plus MAIN_ISOLATED_MARGIN and
/// ISOLATED_MARGIN_MAIN from the Chinese page (seed 002).</summary>
internal static class UniversalTransferTypes
{
    private const WalletKind Main = WalletKind.Spot;
    private const WalletKind Um = WalletKind.UsdtFuture;
    private const WalletKind Cm = WalletKind.CoinFuture;
    private const WalletKind Margin = WalletKind.Margin;
    private const WalletKind Isolated = WalletKind.IsolatedMargin;
    private const WalletKind Funding = WalletKind.Funding;
    private const WalletKind Option = WalletKind.Option;
    private const WalletKind Portfolio = WalletKind.PortfolioMargin;

    public static IReadOnlyList<UniversalTransferType> All { get; } =
    [
        new("MAIN_UMFUTURE", Main, Um),
        new("MAIN_CMFUTURE", Main, Cm),
        new("MAIN_MARGIN", Main, Margin),
        new("UMFUTURE_MAIN", Um, Main),
        new("UMFUTURE_MARGIN", Um, Margin),
        new("CMFUTURE_MAIN", Cm, Main),
        new("CMFUTURE_MARGIN", Cm, Margin),
        new("MARGIN_MAIN", Margin, Main),
        new("MARGIN_UMFUTURE", Margin, Um),
        new("MARGIN_CMFUTURE", Margin, Cm),
        new("ISOLATEDMARGIN_MARGIN", Isolated, Margin),
        new("MARGIN_ISOLATEDMARGIN", Margin, Isolated),
        new("ISOLATEDMARGIN_ISOLATEDMARGIN", Isolated, Isolated),
        new("MAIN_FUNDING", Main, Funding),
        new("FUNDING_MAIN", Funding, Main),
        new("FUNDING_UMFUTURE", Funding, Um),
        new("UMFUTURE_FUNDING", Um, Funding),
        new("MARGIN_FUNDING", Margin, Funding),
        new("FUNDING_MARGIN", Funding, Margin),
        new("FUNDING_CMFUTURE", Funding, Cm),
        new("CMFUTURE_FUNDING", Cm, Funding),
        new("MAIN_OPTION", Main, Option),
        new("OPTION_MAIN", Option, Main),
        new("UMFUTURE_OPTION", Um, Option),
        new("OPTION_UMFUTURE", Option, Um),
        new("MARGIN_OPTION", Margin, Option),
        new("OPTION_MARGIN", Option, Margin),
        new("FUNDING_OPTION", Funding, Option),
        new("OPTION_FUNDING", Option, Funding),
        new("MAIN_PORTFOLIO_MARGIN", Main, Portfolio),
        new("PORTFOLIO_MARGIN_MAIN", Portfolio, Main),
        new("MAIN_ISOLATED_MARGIN", Main, Isolated),
        new("ISOLATED_MARGIN_MAIN", Isolated, Main),
    ];

    private static readonly Dictionary<string, UniversalTransferType> ByName = All.ToDictionary(t => t.Name, StringComparer.Ordinal);

    /// <summary>Finds a type by its exact (upper-case) name.</summary>
    public static UniversalTransferType? Find(string? name) => name is null ? null : ByName.GetValueOrDefault(name);
}
