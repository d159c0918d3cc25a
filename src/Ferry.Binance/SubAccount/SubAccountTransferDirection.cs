namespace Ferry.Binance.SubAccount;

/// <summary><c>type</c> of GET sub-account/transfer/subUserHistory.</summary>
public enum SubAccountTransferDirection
{
    /// <summary>1: transfers into the calling sub-account.</summary>
    In = 1,
    /// <summary>2: transfers out of it (Binance's default).</summary>
    Out = 2,
}
