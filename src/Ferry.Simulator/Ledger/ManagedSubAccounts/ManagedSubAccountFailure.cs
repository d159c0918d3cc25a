namespace Ferry.Simulator.Ledger.ManagedSubAccounts;

/// <summary>Why the managed sub-account book refused a request; the venue layer maps each to its own error.</summary>
public enum ManagedSubAccountFailure
{
    /// <summary>The caller does not have the role the endpoint is for (investor master, trading-team master, managed sub-account).</summary>
    WrongRole,
    /// <summary>The e-mail is not a managed sub-account of the caller (or not bound to the caller's trading team).</summary>
    NotManaged,
    /// <summary>The source spot wallet holds less than the amount.</summary>
    InsufficientBalance,
    /// <summary>The managed sub-account has no futures account.</summary>
    FuturesNotEnabled,
    /// <summary>The managed sub-account has no margin account.</summary>
    MarginNotEnabled,
    /// <summary>The move was refused for another reason (e.g. a zero amount).</summary>
    TransferFailed,
}
