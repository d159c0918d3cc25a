using Ferry.Simulator.Binance.Handlers.SubAccounts;
using Ferry.Simulator.Ledger;
using Ferry.Simulator.Scenario;

namespace Ferry.Simulator.Binance.Handlers;

/// <summary>The sub-account transfer endpoints: weights from reference §3.2, permissions from the docs'
/// notes where they give one (margin transfer: Spot &amp; Margin Trading; universal transfer: internal transfer) and
/// assumed otherwise (see docs/simulator.md).</summary>
internal static class SubAccountEndpoints
{
    /// <summary>UID weight of POST /sapi/v1/sub-account/universalTransfer (it also costs IP 1).</summary>
    public const int UniversalTransferUidWeight = 360;

    public static IReadOnlyList<SimEndpoint> Create(SimLedger ledger)
    {
        var transfers = new SubAccountTransferHandlers(ledger);
        var histories = new SubAccountHistoryHandlers(ledger);
        return
        [
            new("POST", "/sapi/v1/sub-account/margin/transfer", EndpointSecurity.Signed, 1, 0,
                Permission.EnableSpotAndMarginTrading, transfers.MarginTransfer),
            new("POST", "/sapi/v1/sub-account/futures/transfer", EndpointSecurity.Signed, 1, 0,
                Permission.EnableSpotAndMarginTrading, transfers.FuturesTransfer),
            new("POST", "/sapi/v1/sub-account/universalTransfer", EndpointSecurity.Signed, 1, UniversalTransferUidWeight,
                Permission.EnableInternalTransfer, transfers.UniversalTransfer),
            new("GET", "/sapi/v1/sub-account/universalTransfer", EndpointSecurity.Signed, 1, 0,
                Permission.EnableReading, histories.UniversalTransferHistory),
            new("POST", "/sapi/v1/sub-account/futures/internalTransfer", EndpointSecurity.Signed, 1, 0,
                Permission.EnableInternalTransfer, transfers.FuturesInternalTransfer),
            new("GET", "/sapi/v1/sub-account/futures/internalTransfer", EndpointSecurity.Signed, 1, 0,
                Permission.EnableReading, histories.FuturesInternalTransferHistory),
            new("POST", "/sapi/v1/sub-account/transfer/subToMaster", EndpointSecurity.Signed, 1, 0,
                Permission.EnableInternalTransfer, transfers.SubToMaster),
            new("POST", "/sapi/v1/sub-account/transfer/subToSub", EndpointSecurity.Signed, 1, 0,
                Permission.EnableInternalTransfer, transfers.SubToSub),
            new("GET", "/sapi/v1/sub-account/transfer/subUserHistory", EndpointSecurity.Signed, 1, 0,
                Permission.EnableReading, histories.SubUserHistory),
            new("GET", "/sapi/v1/sub-account/sub/transfer/history", EndpointSecurity.Signed, 1, 0,
                Permission.EnableReading, histories.SpotTransferHistory),
        ];
    }
}
