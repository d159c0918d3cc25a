namespace Ferry.Binance.ManagedSubAccount;

/// <summary>The direction filter of the transfer logs (<c>transfers</c>), seen from the managed sub-account.</summary>
public enum ManagedTransferDirection
{
    /// <summary>FROM: out of the managed sub-account (withdrawals).</summary>
    From,
    /// <summary>TO: into the managed sub-account (deposits).</summary>
    To,
}
