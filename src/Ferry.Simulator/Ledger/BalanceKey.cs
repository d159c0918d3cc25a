namespace Ferry.Simulator.Ledger;

/// <summary>A balance cell of the ledger: a wallet and an asset.</summary>
public sealed record BalanceKey(WalletAddress Wallet, string Asset)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Wallet} {Asset}";
}
