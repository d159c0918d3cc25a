namespace Ferry.Simulator.Ledger;

/// <summary>What a caller asks the ledger to do: move an amount of one asset between two wallets.</summary>
/// <param name="Channel">Which API family made the move (e.g. <see cref="MoveChannels.UniversalTransfer"/>); histories filter on it.</param>
/// <param name="Type">The venue's transfer type, e.g. <c>MAIN_UMFUTURE</c>.</param>
/// <param name="Initiator">E-mail of the user whose key asked for the move.</param>
/// <param name="From">The source wallet.</param>
/// <param name="To">The target wallet.</param>
/// <param name="Asset">The asset, e.g. USDT.</param>
/// <param name="Amount">The amount, strictly positive.</param>
/// <param name="ClientId">A caller-chosen id (e.g. <c>clientTranId</c>), null when the endpoint has none.</param>
public sealed record MoveRequest(
    string Channel, string Type, string Initiator,
    WalletAddress From, WalletAddress To, string Asset, decimal Amount, string? ClientId = null);

/// <summary>One committed history row: a move with its transfer id and time.</summary>
public sealed record LedgerMove(
    long Id, long TimestampMs, string Channel, string Type, string Initiator,
    WalletAddress From, WalletAddress To, string Asset, decimal Amount, string Status, string? ClientId)
{
    /// <summary>The only status the simulator writes today; later fault rules may add PENDING/FAILED.</summary>
    public const string Confirmed = "CONFIRMED";
}

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
