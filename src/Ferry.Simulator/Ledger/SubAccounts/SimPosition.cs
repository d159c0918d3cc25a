namespace Ferry.Simulator.Ledger.SubAccounts;

/// <summary>An open futures position.</summary>
/// <param name="Owner">Who holds it.</param>
/// <param name="Market">UM (USDⓈ-M) or CM (COIN-M).</param>
/// <param name="Symbol">e.g. BTCUSDT.</param>
/// <param name="PositionSide">BOTH (one-way mode), LONG or SHORT (hedge mode).</param>
/// <param name="Amount">Signed quantity: positive long, negative short.</param>
/// <param name="EntryPrice">Average entry price.</param>
/// <param name="MarkPrice">Current mark price.</param>
/// <param name="Leverage">Leverage (1..125).</param>
public sealed record SimPosition(
    string Owner, string Market, string Symbol, string PositionSide, decimal Amount, decimal EntryPrice, decimal MarkPrice, int Leverage)
{
    /// <summary>(mark − entry) × signed amount.</summary>
    public decimal UnrealizedProfit => (MarkPrice - EntryPrice) * Amount;

    /// <summary>|amount| × mark.</summary>
    public decimal Notional => Math.Abs(Amount) * MarkPrice;
}
