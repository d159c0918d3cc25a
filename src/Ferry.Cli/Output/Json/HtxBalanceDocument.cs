using Ferry.Core.Money;
using Ferry.Engine.Balances;

namespace Ferry.Cli.Output.Json;

/// <summary>One HTX wallet's balance of one asset; amounts are decimal strings.</summary>
internal sealed record HtxBalanceDocument(string Wallet, string Asset, string Amount, string Available, string Frozen)
{
    public static HtxBalanceDocument Of(WalletBalance b) =>
        new(b.Wallet, b.Asset, WireDecimal.Format(b.Amount), WireDecimal.Format(b.Available), WireDecimal.Format(b.Frozen));
}
