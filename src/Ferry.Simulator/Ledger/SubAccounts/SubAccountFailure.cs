namespace Ferry.Simulator.Ledger.SubAccounts;

/// <summary>Why the book refused an operation; each venue maps these to its own errors.</summary>
public enum SubAccountFailure
{
    /// <summary>The caller is not a master account.</summary>
    NotMaster,
    /// <summary>The e-mail is not a sub-account of the caller.</summary>
    UnknownSubAccount,
    /// <summary>A value is malformed or out of range.</summary>
    InvalidValue,
    /// <summary>The named API key does not exist or is not the sub-account's.</summary>
    UnknownApiKey,
    /// <summary>The account has no futures account.</summary>
    FuturesNotEnabled,
    /// <summary>The account has no margin account.</summary>
    MarginNotEnabled,
}
