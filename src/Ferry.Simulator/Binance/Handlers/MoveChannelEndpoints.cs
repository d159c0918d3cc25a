using Ferry.Simulator.Ledger;
using Ferry.Simulator.Ledger.ManagedSubAccounts;

namespace Ferry.Simulator.Binance.Handlers;

/// <summary>Which endpoint writes each history channel, so a tool can attribute committed moves to the calls it made
/// by endpoint (what it knows) rather than by the simulator's channel names (GET /_sim/channels).</summary>
internal static class MoveChannelEndpoints
{
    /// <summary>Every channel a committed move can carry, with its endpoint.</summary>
    public static IReadOnlyList<MoveChannelEndpoint> All { get; } =
    [
        Binance(MoveChannels.UniversalTransfer, "/sapi/v1/asset/transfer"),
        Binance(MoveChannels.SubAccountUniversalTransfer, "/sapi/v1/sub-account/universalTransfer"),
        Binance(MoveChannels.SubAccountMarginTransfer, "/sapi/v1/sub-account/margin/transfer"),
        Binance(MoveChannels.SubAccountFuturesTransfer, "/sapi/v1/sub-account/futures/transfer"),
        Binance(MoveChannels.SubAccountFuturesInternalTransfer, "/sapi/v1/sub-account/futures/internalTransfer"),
        Binance(MoveChannels.SubToMaster, "/sapi/v1/sub-account/transfer/subToMaster"),
        Binance(MoveChannels.SubToSub, "/sapi/v1/sub-account/transfer/subToSub"),
        Binance(ManagedMoveChannels.Deposit, "/sapi/v1/managed-subaccount/deposit"),
        Binance(ManagedMoveChannels.Withdraw, "/sapi/v1/managed-subaccount/withdraw"),
        new(MoveChannels.HtxSpotSwapTransfer, "htx", "POST", "/v2/account/transfer"),
    ];

    private static MoveChannelEndpoint Binance(string channel, string path) => new(channel, "binance", "POST", path);
}
