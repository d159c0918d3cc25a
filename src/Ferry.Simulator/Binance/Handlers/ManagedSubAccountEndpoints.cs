using Ferry.Simulator.Ledger;
using Ferry.Simulator.Binance.Handlers.ManagedSubAccounts;
using Ferry.Simulator.Ledger.ManagedSubAccounts;
using Ferry.Simulator.Scenario;

namespace Ferry.Simulator.Binance.Handlers;

/// <summary>Managed sub-accounts: the simulator's rows, weights from reference §3.5. Every row is SIGNED. The
/// docs name no key permission: reads take enableReading (as every other query here) and the two moves take
/// enableInternalTransfer (assumed, as the sub-account transfers). Which role may call is checked by the book.</summary>
internal static class ManagedSubAccountEndpoints
{
    public static IReadOnlyList<SimEndpoint> Create(ManagedSubAccountBook book)
    {
        var h = new ManagedSubAccountHandlers(book);
        const EndpointSecurity signed = EndpointSecurity.Signed;
        const Permission read = Permission.EnableReading;
        const Permission move = Permission.EnableInternalTransfer;
        return
        [
            // Investor master
            new("POST", "/sapi/v1/managed-subaccount/deposit", signed, 1, 0, move, h.Deposit),
            new("GET", "/sapi/v1/managed-subaccount/deposit/address", signed, 0, 1, read, h.DepositAddress),
            new("GET", "/sapi/v1/managed-subaccount/asset", signed, 1, 0, read, h.Asset),
            new("GET", "/sapi/v1/managed-subaccount/fetch-future-asset", signed, 0, 60, read, h.FuturesAsset),
            new("GET", "/sapi/v1/managed-subaccount/info", signed, 0, 60, read, h.Info),
            new("GET", "/sapi/v1/managed-subaccount/marginAsset", signed, 1, 0, read, h.MarginAsset),
            new("GET", "/sapi/v1/managed-subaccount/accountSnapshot", signed, 2400, 0, read, h.AccountSnapshot),
            new("GET", "/sapi/v1/managed-subaccount/queryTransLogForInvestor", signed, 1, 0, read, h.InvestorLog),
            new("POST", "/sapi/v1/managed-subaccount/withdraw", signed, 1, 0, move, h.Withdraw),
            // Trading-team master
            new("GET", "/sapi/v1/managed-subaccount/queryTransLogForTradeParent", signed, 0, 60, read, h.TradeParentLog),
            // Trading-team sub-account (the managed sub-account's own key)
            new("GET", "/sapi/v1/managed-subaccount/query-trans-log", signed, 0, 60, read, h.SubAccountLog),
        ];
    }
}
