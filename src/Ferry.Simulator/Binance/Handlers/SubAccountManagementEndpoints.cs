using Ferry.Simulator.Ledger;
using Ferry.Simulator.Binance.Handlers.SubAccounts;
using Ferry.Simulator.Ledger.ManagedSubAccounts;
using Ferry.Simulator.Ledger.SubAccounts;
using Ferry.Simulator.Scenario;

namespace Ferry.Simulator.Binance.Handlers;

/// <summary>Sub-account management and queries: the simulator's rows, weights from reference §3.2–3.4.
/// Every row is SIGNED; the docs name no key permission beyond a valid key, so reads take enableReading (as the other
/// history endpoints) and virtualSubAccount takes the "trade" permission its page documents.</summary>
internal static class SubAccountManagementEndpoints
{
    public static IReadOnlyList<SimEndpoint> Create(SubAccountBook book, ManagedSubAccountBook? managed = null)
    {
        var accounts = new SubAccountAccountHandlers(book.Accounts, email => managed?.Queries.IsManaged(email) ?? false);
        var balances = new SubAccountBalanceHandlers(book.Balances);
        var deposits = new SubAccountDepositHandlers(book.Deposits);
        var ip = new SubAccountIpHandlers(book.IpRestrictions);
        var positions = new SubAccountPositionHandlers(book.Positions);
        const EndpointSecurity signed = EndpointSecurity.Signed;
        const Permission read = Permission.EnableReading;
        return
        [
            // Accounts
            new("POST", "/sapi/v1/sub-account/virtualSubAccount", signed, 1, 0, Permission.EnableSpotAndMarginTrading, accounts.CreateVirtual),
            new("GET", "/sapi/v1/sub-account/list", signed, 1, 0, read, accounts.List),
            new("GET", "/sapi/v1/sub-account/status", signed, 10, 0, read, accounts.Status),
            new("POST", "/sapi/v1/sub-account/futures/enable", signed, 1, 0, read, accounts.EnableFutures),
            new("POST", "/sapi/v1/sub-account/eoptions/enable", signed, 1, 0, read, accounts.EnableOptions),
            // CONFLICT: PY-SDK says IP 60, the zh-CN page UID 60; both buckets are charged (the stricter reading).
            new("GET", "/sapi/v1/sub-account/transaction-statistics", signed, 60, 60, read, accounts.TransactionStatistics),
            // Balances
            new("GET", "/sapi/v3/sub-account/assets", signed, 0, 60, read, balances.AssetsV3),
            new("GET", "/sapi/v4/sub-account/assets", signed, 0, 60, read, balances.AssetsV4),
            new("GET", "/sapi/v1/sub-account/spotSummary", signed, 1, 0, read, balances.SpotSummary),
            new("GET", "/sapi/v1/sub-account/margin/account", signed, 10, 0, read, balances.MarginAccount),
            new("GET", "/sapi/v1/sub-account/margin/accountSummary", signed, 10, 0, read, balances.MarginSummary),
            new("GET", "/sapi/v1/sub-account/futures/account", signed, 10, 0, read, balances.FuturesAccountV1),
            new("GET", "/sapi/v2/sub-account/futures/account", signed, 1, 0, read, balances.FuturesAccountV2),
            new("GET", "/sapi/v1/sub-account/futures/accountSummary", signed, 1, 0, read, balances.FuturesSummaryV1),
            new("GET", "/sapi/v2/sub-account/futures/accountSummary", signed, 10, 0, read, balances.FuturesSummaryV2),
            // Deposits
            new("GET", "/sapi/v1/capital/deposit/subAddress", signed, 1, 0, read, deposits.Address),
            new("GET", "/sapi/v1/capital/deposit/subHisrec", signed, 1, 0, read, deposits.History),
            // IP restriction of sub-account API keys (UID 3000 each)
            new("POST", "/sapi/v2/sub-account/subAccountApi/ipRestriction", signed, 0, 3000, read, ip.Set),
            new("GET", "/sapi/v1/sub-account/subAccountApi/ipRestriction", signed, 0, 3000, read, ip.Get),
            new("DELETE", "/sapi/v1/sub-account/subAccountApi/ipRestriction/ipList", signed, 0, 3000, read, ip.Delete),
            // Positions (move-position: VIP 7-9 on Binance; the simulator has no VIP levels)
            new("GET", "/sapi/v1/sub-account/futures/positionRisk", signed, 10, 0, read, positions.RiskV1),
            new("GET", "/sapi/v2/sub-account/futures/positionRisk", signed, 1, 0, read, positions.RiskV2),
            new("POST", "/sapi/v1/sub-account/futures/move-position", signed, 1, 0, Permission.EnableFutures, positions.Move),
            new("GET", "/sapi/v1/sub-account/futures/move-position", signed, 1, 0, read, positions.History),
        ];
    }
}
