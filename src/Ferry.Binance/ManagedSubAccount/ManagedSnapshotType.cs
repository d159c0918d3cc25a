namespace Ferry.Binance.ManagedSubAccount;

/// <summary>Which daily snapshot accountSnapshot returns (<c>type</c>).</summary>
public enum ManagedSnapshotType
{
    /// <summary>SPOT.</summary>
    Spot,
    /// <summary>MARGIN (cross).</summary>
    Margin,
    /// <summary>FUTURES (USDⓈ-M).</summary>
    Futures,
}
