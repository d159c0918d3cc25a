namespace Ferry.Simulator.Ledger.ManagedSubAccounts;

/// <summary>Channels of the managed sub-account moves in the one ledger.</summary>
public static class ManagedMoveChannels
{
    /// <summary>POST /sapi/v1/managed-subaccount/deposit: the investor's spot → the managed sub-account's spot.</summary>
    public const string Deposit = "MANAGED_DEPOSIT";

    /// <summary>POST /sapi/v1/managed-subaccount/withdraw: the managed sub-account's spot → the investor's spot.</summary>
    public const string Withdraw = "MANAGED_WITHDRAW";

    /// <summary>The client-id prefix of managed moves; the rest is the managed transfer id.</summary>
    public const string ClientIdPrefix = "managed:";
}
