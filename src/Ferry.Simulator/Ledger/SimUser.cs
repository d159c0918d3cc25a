namespace Ferry.Simulator.Ledger;

/// <summary>A simulated account holder: the master or a sub-account, with the product flags that gate its wallets.</summary>
public sealed record SimUser(string Email, bool IsMaster, bool FuturesEnabled, bool MarginEnabled, bool OptionsEnabled)
{
    /// <summary>Whether this user may hold a balance in the given wallet. The master has every wallet.</summary>
    public bool HasWallet(WalletKind wallet) => IsMaster || wallet switch
    {
        WalletKind.UsdtFuture or WalletKind.CoinFuture => FuturesEnabled,
        WalletKind.Margin or WalletKind.IsolatedMargin => MarginEnabled,
        WalletKind.Option => OptionsEnabled,
        _ => true,
    };
}
