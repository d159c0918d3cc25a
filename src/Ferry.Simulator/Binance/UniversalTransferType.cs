using Ferry.Simulator.Ledger;

namespace Ferry.Simulator.Binance;

/// <summary>One type of POST /sapi/v1/asset/transfer: its source and target wallets.</summary>
internal sealed record UniversalTransferType(string Name, WalletKind From, WalletKind To)
{
    /// <summary>fromSymbol is required when the source is isolated margin (docs: ISOLATEDMARGIN_MARGIN,
    /// ISOLATEDMARGIN_ISOLATEDMARGIN; by the same logic ISOLATED_MARGIN_MAIN).</summary>
    public bool NeedsFromSymbol => From == WalletKind.IsolatedMargin;

    /// <summary>toSymbol is required when the target is isolated margin (docs: MARGIN_ISOLATEDMARGIN,
    /// ISOLATEDMARGIN_ISOLATEDMARGIN; by the same logic MAIN_ISOLATED_MARGIN).</summary>
    public bool NeedsToSymbol => To == WalletKind.IsolatedMargin;
}
