namespace Ferry.Simulator.Ledger;

/// <summary>One wallet of one user: owner e-mail, wallet kind, and the symbol for isolated margin (null otherwise).</summary>
public sealed record WalletAddress(string Owner, WalletKind Wallet, string? Symbol = null)
{
    /// <summary>Builds an address, dropping a symbol on any wallet other than isolated margin (or HTX isolated swap).</summary>
    public static WalletAddress Of(string owner, WalletKind wallet, string? symbol = null) =>
        new(owner, wallet, WalletNames.HasSymbol(wallet) ? symbol : null);

    /// <inheritdoc/>
    public override string ToString() =>
        Symbol is null ? $"{Owner}/{WalletNames.Name(Wallet)}" : $"{Owner}/{WalletNames.Name(Wallet)}:{Symbol}";
}
