namespace Ferry.Simulator.Ledger;

/// <summary>The simulator's own names for wallets (scenario files, admin endpoints, SQLite state).</summary>
public static class WalletNames
{
    private static readonly (WalletKind Kind, string Name)[] Names =
    [
        (WalletKind.Spot, "SPOT"),
        (WalletKind.Margin, "MARGIN"),
        (WalletKind.IsolatedMargin, "ISOLATED_MARGIN"),
        (WalletKind.UsdtFuture, "USDT_FUTURE"),
        (WalletKind.CoinFuture, "COIN_FUTURE"),
        (WalletKind.Funding, "FUNDING"),
        (WalletKind.Option, "OPTION"),
        (WalletKind.PortfolioMargin, "PORTFOLIO_MARGIN"),
        (WalletKind.HtxSpot, "HTX_SPOT"),
        (WalletKind.HtxSpotFrozen, "HTX_SPOT_FROZEN"),
        (WalletKind.HtxSwapCross, "HTX_SWAP_CROSS"),
        (WalletKind.HtxSwapIsolated, "HTX_SWAP_ISOLATED"),
    ];

    /// <summary>The name of a wallet kind, e.g. <c>USDT_FUTURE</c>.</summary>
    public static string Name(WalletKind kind)
    {
        foreach (var (k, n) in Names)
        {
            if (k == kind) return n;
        }
        throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown wallet kind.");
    }

    /// <summary>Parses a wallet name (exact, upper case); false when unknown.</summary>
    public static bool TryParse(string? name, out WalletKind kind)
    {
        foreach (var (k, n) in Names)
        {
            if (string.Equals(n, name, StringComparison.Ordinal))
            {
                kind = k;
                return true;
            }
        }
        kind = default;
        return false;
    }

    /// <summary>Every wallet name, for error messages.</summary>
    public static IEnumerable<string> All => Names.Select(n => n.Name);

    /// <summary>True for the HTX wallet kinds (held by the scenario's htx section, moved only by the HTX side).</summary>
    public static bool IsHtx(WalletKind kind) => kind is WalletKind.HtxSpot or WalletKind.HtxSpotFrozen or WalletKind.HtxSwapCross or WalletKind.HtxSwapIsolated;

    /// <summary>True for the kinds split per symbol or contract (isolated margin, HTX isolated swap).</summary>
    public static bool HasSymbol(WalletKind kind) => kind is WalletKind.IsolatedMargin or WalletKind.HtxSwapIsolated;
}
