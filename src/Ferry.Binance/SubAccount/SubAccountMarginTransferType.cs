namespace Ferry.Binance.SubAccount;

/// <summary><c>type</c> of POST sub-account/margin/transfer.</summary>
public enum SubAccountMarginTransferType
{
    /// <summary>1: the sub-account's spot → its cross margin.</summary>
    SpotToMargin = 1,
    /// <summary>2: the sub-account's cross margin → its spot.</summary>
    MarginToSpot = 2,
}
