namespace Ferry.Binance.SubAccount;

/// <summary>The side of a futures position: BOTH (one-way mode), LONG or SHORT (hedge mode).</summary>
public enum PositionSide
{
    /// <summary>BOTH: one-way mode.</summary>
    Both,
    /// <summary>LONG: the long side in hedge mode.</summary>
    Long,
    /// <summary>SHORT: the short side in hedge mode.</summary>
    Short,
}
