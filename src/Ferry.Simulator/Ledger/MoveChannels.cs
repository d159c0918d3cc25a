namespace Ferry.Simulator.Ledger;

/// <summary>Names of the channels through which moves enter the ledger.</summary>
public static class MoveChannels
{
    /// <summary>POST /sapi/v1/asset/transfer.</summary>
    public const string UniversalTransfer = "UNIVERSAL_TRANSFER";

    // Sub-account transfers: moves between the master and its sub-accounts, or inside one sub-account.

    /// <summary>POST /sapi/v1/sub-account/universalTransfer (master key; carries clientTranId).</summary>
    public const string SubAccountUniversalTransfer = "SUB_UNIVERSAL_TRANSFER";

    /// <summary>POST /sapi/v1/sub-account/margin/transfer (master key; a sub-account's spot ↔ cross margin).</summary>
    public const string SubAccountMarginTransfer = "SUB_MARGIN_TRANSFER";

    /// <summary>POST /sapi/v1/sub-account/futures/transfer (master key; a sub-account's spot ↔ futures).</summary>
    public const string SubAccountFuturesTransfer = "SUB_FUTURES_TRANSFER";

    /// <summary>POST /sapi/v1/sub-account/futures/internalTransfer (master key; futures wallet to futures wallet).</summary>
    public const string SubAccountFuturesInternalTransfer = "SUB_FUTURES_INTERNAL_TRANSFER";

    /// <summary>POST /sapi/v1/sub-account/transfer/subToMaster (sub-account key; spot to the master's spot).</summary>
    public const string SubToMaster = "SUB_TO_MASTER";

    /// <summary>POST /sapi/v1/sub-account/transfer/subToSub (sub-account key; spot to a sibling's spot).</summary>
    public const string SubToSub = "SUB_TO_SUB";
    /// <summary>HTX POST /v2/account/transfer (spot ⇄ USDT-margined swap).</summary>
    public const string HtxSpotSwapTransfer = "HTX_SPOT_SWAP_TRANSFER";
}
