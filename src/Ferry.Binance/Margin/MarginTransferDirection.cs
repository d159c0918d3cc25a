namespace Ferry.Binance.Margin;

/// <summary>The <c>type</c> filter of GET /sapi/v1/margin/transfer.</summary>
public enum MarginTransferDirection
{
    /// <summary>ROLL_IN: into the margin account.</summary>
    RollIn,
    /// <summary>ROLL_OUT: out of the margin account.</summary>
    RollOut,
}
