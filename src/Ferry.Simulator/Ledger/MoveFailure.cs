namespace Ferry.Simulator.Ledger;

/// <summary>Why the ledger refused a move. The venue layer maps each to its own error code.</summary>
public enum MoveFailure
{
    /// <summary>No failure: the move was committed.</summary>
    None,
    /// <summary>The source wallet holds less than the amount.</summary>
    InsufficientBalance,
    /// <summary>The amount is zero or negative.</summary>
    NonPositiveAmount,
    /// <summary>Source and target are the same wallet.</summary>
    SameWallet,
    /// <summary>An owner is not a known user.</summary>
    UnknownUser,
    /// <summary>The owner does not have that wallet enabled (e.g. a sub-account without futures).</summary>
    WalletNotEnabled,
    /// <summary>The caller's client id (e.g. <c>clientTranId</c>) was already used by a committed move of this ledger.</summary>
    DuplicateClientId,
}
