using Ferry.Simulator.Binance.Handlers.OwnWallets;
using Ferry.Simulator.Ledger;
using Ferry.Simulator.Ledger.ManagedSubAccounts;
using Ferry.Simulator.Ledger.SubAccounts;
using Ferry.Simulator.Scenario;

namespace Ferry.Simulator.Binance.Handlers;

/// <summary>The simulator's own endpoint table: one row per endpoint (method, path, security, IP weight,
/// UID weight, required permission, handler). Weights are the simulator's reading of the docs (reference §3.1).</summary>
internal static class BinanceEndpoints
{
    public static IReadOnlyList<SimEndpoint> Create(
        SimLedger ledger, SimRateLimits limits, SubAccountBook subAccounts, ManagedSubAccountBook? managed = null, IReadOnlyList<HtxScenarioUser>? htxUsers = null)
    {
        var admin = new AdminHandlers(ledger, subAccounts, managed, htxUsers ?? []);
        return
        [
            new("GET", "/api/v3/time", EndpointSecurity.None, 1, 0, Permission.None, ServerTimeHandler.Handle),
            new("POST", "/sapi/v1/asset/transfer", EndpointSecurity.Signed, 0, limits.UniversalTransferUidWeight,
                Permission.PermitsUniversalTransfer, new UniversalTransferHandler(ledger).Handle),
            new("GET", "/sapi/v1/asset/transfer", EndpointSecurity.Signed, 1, 0,
                Permission.EnableReading, new UniversalTransferHistoryHandler(ledger).Handle),
            new("GET", "/sapi/v1/margin/transfer", EndpointSecurity.Signed, 1, 0,
                Permission.EnableReading, new MarginTransferHistoryHandler(ledger).Handle),
            new("GET", "/_sim/balances", EndpointSecurity.Admin, 0, 0, Permission.None, admin.Balances),
            new("GET", "/_sim/totals", EndpointSecurity.Admin, 0, 0, Permission.None, admin.Totals),
            new("GET", "/_sim/accounts", EndpointSecurity.Admin, 0, 0, Permission.None, admin.Accounts),
            new("GET", "/_sim/channels", EndpointSecurity.Admin, 0, 0, Permission.None, admin.Channels),
            new("GET", "/_sim/moves", EndpointSecurity.Admin, 0, 0, Permission.None, admin.Moves),
            new("GET", "/_sim/audit", EndpointSecurity.Admin, 0, 0, Permission.None, admin.Audit),
            .. OwnWalletEndpoints.Create(ledger, subAccounts.Balances),
            .. SubAccountEndpoints.Create(ledger),
            .. SubAccountManagementEndpoints.Create(subAccounts, managed),
            .. managed is null ? [] : ManagedSubAccountEndpoints.Create(managed),
        ];
    }
}
