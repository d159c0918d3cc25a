namespace Ferry.Simulator.Ledger.ManagedSubAccounts;

/// <summary>Which daily snapshot (GET accountSnapshot <c>type</c>).</summary>
public enum ManagedSnapshotType
{
    /// <summary>SPOT → "spot".</summary>
    Spot,
    /// <summary>MARGIN (cross) → "margin".</summary>
    Margin,
    /// <summary>FUTURES (USDⓈ-M) → "futures".</summary>
    Futures,
}
