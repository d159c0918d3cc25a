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
