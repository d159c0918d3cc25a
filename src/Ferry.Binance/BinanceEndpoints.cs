namespace Ferry.Binance;

/// <summary>
/// The endpoints this client calls, each declared once. Weights follow the reference
/// (exchange-api-facts.md §3, §5b.2); the client copies the table with the configured values where sources conflict
/// (<see cref="For"/>).
/// </summary>
public static class BinanceEndpoints
{
    /// <summary>The UID weight of POST /sapi/v1/asset/transfer since the 2026-08 docs (900 before).</summary>
    public const int DefaultUniversalTransferUidWeight = 300;

    /// <summary>POST /sapi/v1/asset/transfer — user universal transfer between own wallets.</summary>
    public static readonly BinanceEndpoint UniversalTransfer = new(
        nameof(UniversalTransfer), HttpMethod.Post, "/sapi/v1/asset/transfer", Signed: true,
        IpWeight: 0, UidWeight: DefaultUniversalTransferUidWeight, KeyPermission.UniversalTransfer,
        "PY-SDK 2026-08 (UID 300; CONFLICT: docs page and Binance.Net say 900)") { Id = 0 };

    /// <summary>GET /sapi/v1/asset/transfer — universal transfer history (the reconciliation source).</summary>
    public static readonly BinanceEndpoint UniversalTransferHistory = new(
        nameof(UniversalTransferHistory), HttpMethod.Get, "/sapi/v1/asset/transfer", Signed: true,
        IpWeight: 1, UidWeight: 0, KeyPermission.Reading,
        "DOCS zh-CN query-user-universal-transfer (IP 1)") { Id = 1 };

    /// <summary>GET /sapi/v1/margin/transfer — cross-margin transfer history.</summary>
    public static readonly BinanceEndpoint CrossMarginTransferHistory = new(
        nameof(CrossMarginTransferHistory), HttpMethod.Get, "/sapi/v1/margin/transfer", Signed: true,
        IpWeight: 1, UidWeight: 0, KeyPermission.Reading,
        "seed 001 margin_trading/transfer (IP 1)") { Id = 2 };

    /// <summary>GET /api/v3/time — the server clock; /api shares one 6000-per-minute IP budget.</summary>
    public static readonly BinanceEndpoint ServerTime = new(
        nameof(ServerTime), HttpMethod.Get, "/api/v3/time", Signed: false,
        IpWeight: 1, UidWeight: 0, KeyPermission.None,
        "SPOT-DOCS rest-api.md (IP 1)") { Id = 3 };

    // Sub-account transfers and their histories (reference §3.2, all signed).

    /// <summary>POST /sapi/v1/sub-account/margin/transfer — master moves a sub-account's spot ↔ cross margin.</summary>
    public static readonly BinanceEndpoint SubAccountMarginTransfer = new(
        nameof(SubAccountMarginTransfer), HttpMethod.Post, "/sapi/v1/sub-account/margin/transfer", Signed: true,
        IpWeight: 1, UidWeight: 0, KeyPermission.SpotAndMarginTrading, "seed 000 (IP 1); reference §3.2") { Id = 4 };

    /// <summary>POST /sapi/v1/sub-account/futures/transfer — master moves a sub-account's spot ↔ futures.</summary>
    public static readonly BinanceEndpoint SubAccountFuturesTransfer = new(
        nameof(SubAccountFuturesTransfer), HttpMethod.Post, "/sapi/v1/sub-account/futures/transfer", Signed: true,
        IpWeight: 1, UidWeight: 0, KeyPermission.SpotAndMarginTrading, "reference §3.2 (BNET IP 1)") { Id = 5 };

    /// <summary>POST /sapi/v1/sub-account/universalTransfer — master moves between any two family accounts (clientTranId).</summary>
    public static readonly BinanceEndpoint SubAccountUniversalTransfer = new(
        nameof(SubAccountUniversalTransfer), HttpMethod.Post, "/sapi/v1/sub-account/universalTransfer", Signed: true,
        IpWeight: 1, UidWeight: 360, KeyPermission.InternalTransfer, "DOCS zh-CN Universal-Transfer; PY-SDK (IP 1 + UID 360)") { Id = 6 };

    /// <summary>GET /sapi/v1/sub-account/universalTransfer — the master's universal-transfer history (find by clientTranId).</summary>
    public static readonly BinanceEndpoint SubAccountUniversalTransferHistory = new(
        nameof(SubAccountUniversalTransferHistory), HttpMethod.Get, "/sapi/v1/sub-account/universalTransfer", Signed: true,
        IpWeight: 1, UidWeight: 0, KeyPermission.Reading, "reference §3.2 (IP 1)") { Id = 7 };

    /// <summary>POST /sapi/v1/sub-account/futures/internalTransfer — futures wallet to futures wallet between family accounts.</summary>
    public static readonly BinanceEndpoint SubAccountFuturesInternalTransfer = new(
        nameof(SubAccountFuturesInternalTransfer), HttpMethod.Post, "/sapi/v1/sub-account/futures/internalTransfer", Signed: true,
        IpWeight: 1, UidWeight: 0, KeyPermission.InternalTransfer, "reference §3.2 (IP 1; 2000 per minute per master)") { Id = 8 };

    /// <summary>GET /sapi/v1/sub-account/futures/internalTransfer — futures internal transfer history of one email.</summary>
    public static readonly BinanceEndpoint SubAccountFuturesInternalTransferHistory = new(
        nameof(SubAccountFuturesInternalTransferHistory), HttpMethod.Get, "/sapi/v1/sub-account/futures/internalTransfer", Signed: true,
        IpWeight: 1, UidWeight: 0, KeyPermission.Reading, "reference §3.2 (IP 1)") { Id = 9 };

    /// <summary>POST /sapi/v1/sub-account/transfer/subToMaster — a sub-account key sends spot to the master's spot.</summary>
    public static readonly BinanceEndpoint SubAccountToMaster = new(
        nameof(SubAccountToMaster), HttpMethod.Post, "/sapi/v1/sub-account/transfer/subToMaster", Signed: true,
        IpWeight: 1, UidWeight: 0, KeyPermission.InternalTransfer, "DOCS zh-CN Transfer-to-Master (IP 1)") { Id = 10 };

    /// <summary>POST /sapi/v1/sub-account/transfer/subToSub — a sub-account key sends spot to a sibling's spot.</summary>
    public static readonly BinanceEndpoint SubAccountToSubAccount = new(
        nameof(SubAccountToSubAccount), HttpMethod.Post, "/sapi/v1/sub-account/transfer/subToSub", Signed: true,
        IpWeight: 1, UidWeight: 0, KeyPermission.InternalTransfer, "reference §3.2 (BNET IP 1)") { Id = 11 };

    /// <summary>GET /sapi/v1/sub-account/transfer/subUserHistory — a sub-account key reads its transfers in or out.</summary>
    public static readonly BinanceEndpoint SubAccountUserHistory = new(
        nameof(SubAccountUserHistory), HttpMethod.Get, "/sapi/v1/sub-account/transfer/subUserHistory", Signed: true,
        IpWeight: 1, UidWeight: 0, KeyPermission.Reading, "reference §3.2 (IP 1)") { Id = 12 };

    /// <summary>GET /sapi/v1/sub-account/sub/transfer/history — the master reads spot transfers between family accounts.</summary>
    public static readonly BinanceEndpoint SubAccountSpotTransferHistory = new(
        nameof(SubAccountSpotTransferHistory), HttpMethod.Get, "/sapi/v1/sub-account/sub/transfer/history", Signed: true,
        IpWeight: 1, UidWeight: 0, KeyPermission.Reading, "reference §3.2 (IP 1)") { Id = 13 };

    // --- Sub-account management and queries, reference §3.2–3.4. Ids count from SubAccountManagementFirstId
    // so a merge with another block only moves that one number. ---

    /// <summary>The id of the first sub-account management row.</summary>
    private const int SubAccountManagementFirstId = 14;

    /// <summary>POST /sapi/v1/sub-account/virtualSubAccount — create a virtual sub-account (the key needs "trade").</summary>
    public static readonly BinanceEndpoint CreateVirtualSubAccount = new(
        nameof(CreateVirtualSubAccount), HttpMethod.Post, "/sapi/v1/sub-account/virtualSubAccount", Signed: true,
        IpWeight: 1, UidWeight: 0, KeyPermission.SpotAndMarginTrading, "reference §3.3; BNET (IP 1)") { Id = SubAccountManagementFirstId };

    /// <summary>GET /sapi/v1/sub-account/list — the master's sub-accounts (limit default 1, max 200).</summary>
    public static readonly BinanceEndpoint SubAccountList = new(
        nameof(SubAccountList), HttpMethod.Get, "/sapi/v1/sub-account/list", Signed: true,
        IpWeight: 1, UidWeight: 0, KeyPermission.Reading, "DOCS EN Query-Sub-account-List; BNET (IP 1)") { Id = SubAccountManagementFirstId + 1 };

    /// <summary>GET /sapi/v1/sub-account/status — margin/futures status of sub-accounts.</summary>
    public static readonly BinanceEndpoint SubAccountStatus = new(
        nameof(SubAccountStatus), HttpMethod.Get, "/sapi/v1/sub-account/status", Signed: true,
        IpWeight: 10, UidWeight: 0, KeyPermission.Reading, "DOCS EN; BNET (IP 10)") { Id = SubAccountManagementFirstId + 2 };

    /// <summary>POST /sapi/v1/sub-account/futures/enable — enable futures for a sub-account.</summary>
    public static readonly BinanceEndpoint EnableSubAccountFutures = new(
        nameof(EnableSubAccountFutures), HttpMethod.Post, "/sapi/v1/sub-account/futures/enable", Signed: true,
        IpWeight: 1, UidWeight: 0, KeyPermission.Reading, "reference §3.3; BNET (IP 1)") { Id = SubAccountManagementFirstId + 3 };

    /// <summary>POST /sapi/v1/sub-account/eoptions/enable — enable options for a sub-account.</summary>
    public static readonly BinanceEndpoint EnableSubAccountOptions = new(
        nameof(EnableSubAccountOptions), HttpMethod.Post, "/sapi/v1/sub-account/eoptions/enable", Signed: true,
        IpWeight: 1, UidWeight: 0, KeyPermission.Reading, "reference §3.3 (IP 1)") { Id = SubAccountManagementFirstId + 4 };

    /// <summary>GET /sapi/v1/sub-account/transaction-statistics — weight 60, charged to both buckets (CONFLICT: IP or UID).</summary>
    public static readonly BinanceEndpoint SubAccountTransactionStatistics = new(
        nameof(SubAccountTransactionStatistics), HttpMethod.Get, "/sapi/v1/sub-account/transaction-statistics", Signed: true,
        IpWeight: 60, UidWeight: 60, KeyPermission.Reading,
        "CONFLICT: PY-SDK IP 60, DOCS zh-CN UID 60; both charged (the safer reading)") { Id = SubAccountManagementFirstId + 5 };

    /// <summary>GET /sapi/v3/sub-account/assets — spot balances as JSON numbers.</summary>
    public static readonly BinanceEndpoint SubAccountAssetsV3 = new(
        nameof(SubAccountAssetsV3), HttpMethod.Get, "/sapi/v3/sub-account/assets", Signed: true,
        IpWeight: 0, UidWeight: 60, KeyPermission.Reading, "DOCS zh-CN Query-Sub-account-Assets-V3; BNET (UID 60)") { Id = SubAccountManagementFirstId + 6 };

    /// <summary>GET /sapi/v4/sub-account/assets — spot balances as JSON strings.</summary>
    public static readonly BinanceEndpoint SubAccountAssetsV4 = new(
        nameof(SubAccountAssetsV4), HttpMethod.Get, "/sapi/v4/sub-account/assets", Signed: true,
        IpWeight: 0, UidWeight: 60, KeyPermission.Reading, "PY-SDK (UID 60)") { Id = SubAccountManagementFirstId + 7 };

    /// <summary>GET /sapi/v1/sub-account/spotSummary — BTC-valued spot wallets (size default 10, max 20).</summary>
    public static readonly BinanceEndpoint SubAccountSpotSummary = new(
        nameof(SubAccountSpotSummary), HttpMethod.Get, "/sapi/v1/sub-account/spotSummary", Signed: true,
        IpWeight: 1, UidWeight: 0, KeyPermission.Reading, "DOCS; BNET (IP 1)") { Id = SubAccountManagementFirstId + 8 };

    /// <summary>GET /sapi/v1/sub-account/margin/account — a sub-account's margin account.</summary>
    public static readonly BinanceEndpoint SubAccountMarginAccount = new(
        nameof(SubAccountMarginAccount), HttpMethod.Get, "/sapi/v1/sub-account/margin/account", Signed: true,
        IpWeight: 10, UidWeight: 0, KeyPermission.Reading, "BNET (IP 10)") { Id = SubAccountManagementFirstId + 9 };

    /// <summary>GET /sapi/v1/sub-account/margin/accountSummary — every sub-account's margin account in BTC.</summary>
    public static readonly BinanceEndpoint SubAccountMarginSummary = new(
        nameof(SubAccountMarginSummary), HttpMethod.Get, "/sapi/v1/sub-account/margin/accountSummary", Signed: true,
        IpWeight: 10, UidWeight: 0, KeyPermission.Reading, "BNET (IP 10)") { Id = SubAccountManagementFirstId + 10 };

    /// <summary>GET /sapi/v1/sub-account/futures/account — a sub-account's USDⓈ-M account.</summary>
    public static readonly BinanceEndpoint SubAccountFuturesAccount = new(
        nameof(SubAccountFuturesAccount), HttpMethod.Get, "/sapi/v1/sub-account/futures/account", Signed: true,
        IpWeight: 10, UidWeight: 0, KeyPermission.Reading, "DOCS zh-CN; BNET (IP 10)") { Id = SubAccountManagementFirstId + 11 };

    /// <summary>GET /sapi/v2/sub-account/futures/account — USDⓈ-M or COIN-M account by futuresType.</summary>
    public static readonly BinanceEndpoint SubAccountFuturesAccountV2 = new(
        nameof(SubAccountFuturesAccountV2), HttpMethod.Get, "/sapi/v2/sub-account/futures/account", Signed: true,
        IpWeight: 1, UidWeight: 0, KeyPermission.Reading, "DOCS zh-CN; BNET (IP 1)") { Id = SubAccountManagementFirstId + 12 };

    /// <summary>GET /sapi/v1/sub-account/futures/accountSummary — USDⓈ-M totals of every sub-account.</summary>
    public static readonly BinanceEndpoint SubAccountFuturesSummary = new(
        nameof(SubAccountFuturesSummary), HttpMethod.Get, "/sapi/v1/sub-account/futures/accountSummary", Signed: true,
        IpWeight: 1, UidWeight: 0, KeyPermission.Reading, "BNET (IP 1)") { Id = SubAccountManagementFirstId + 13 };

    /// <summary>GET /sapi/v2/sub-account/futures/accountSummary — futures totals by futuresType (limit default 10, max 20).</summary>
    public static readonly BinanceEndpoint SubAccountFuturesSummaryV2 = new(
        nameof(SubAccountFuturesSummaryV2), HttpMethod.Get, "/sapi/v2/sub-account/futures/accountSummary", Signed: true,
        IpWeight: 10, UidWeight: 0, KeyPermission.Reading, "DOCS zh-CN (IP 10)") { Id = SubAccountManagementFirstId + 14 };

    /// <summary>GET /sapi/v1/capital/deposit/subAddress — a sub-account's deposit address.</summary>
    public static readonly BinanceEndpoint SubAccountDepositAddress = new(
        nameof(SubAccountDepositAddress), HttpMethod.Get, "/sapi/v1/capital/deposit/subAddress", Signed: true,
        IpWeight: 1, UidWeight: 0, KeyPermission.Reading, "BNET (IP 1)") { Id = SubAccountManagementFirstId + 15 };

    /// <summary>GET /sapi/v1/capital/deposit/subHisrec — a sub-account's deposit history (limit max 500).</summary>
    public static readonly BinanceEndpoint SubAccountDepositHistory = new(
        nameof(SubAccountDepositHistory), HttpMethod.Get, "/sapi/v1/capital/deposit/subHisrec", Signed: true,
        IpWeight: 1, UidWeight: 0, KeyPermission.Reading, "BNET (IP 1)") { Id = SubAccountManagementFirstId + 16 };

    /// <summary>POST /sapi/v2/sub-account/subAccountApi/ipRestriction — restrict a sub-account key to trusted IPs.</summary>
    public static readonly BinanceEndpoint SetSubAccountIpRestriction = new(
        nameof(SetSubAccountIpRestriction), HttpMethod.Post, "/sapi/v2/sub-account/subAccountApi/ipRestriction", Signed: true,
        IpWeight: 0, UidWeight: 3000, KeyPermission.Reading, "PY-SDK; BNET (UID 3000)") { Id = SubAccountManagementFirstId + 17 };

    /// <summary>GET /sapi/v1/sub-account/subAccountApi/ipRestriction — a sub-account key's restriction.</summary>
    public static readonly BinanceEndpoint GetSubAccountIpRestriction = new(
        nameof(GetSubAccountIpRestriction), HttpMethod.Get, "/sapi/v1/sub-account/subAccountApi/ipRestriction", Signed: true,
        IpWeight: 0, UidWeight: 3000, KeyPermission.Reading, "PY-SDK; BNET (UID 3000)") { Id = SubAccountManagementFirstId + 18 };

    /// <summary>DELETE /sapi/v1/sub-account/subAccountApi/ipRestriction/ipList — remove trusted IPs.</summary>
    public static readonly BinanceEndpoint DeleteSubAccountIpList = new(
        nameof(DeleteSubAccountIpList), HttpMethod.Delete, "/sapi/v1/sub-account/subAccountApi/ipRestriction/ipList", Signed: true,
        IpWeight: 0, UidWeight: 3000, KeyPermission.Reading, "PY-SDK; BNET (UID 3000)") { Id = SubAccountManagementFirstId + 19 };

    /// <summary>GET /sapi/v1/sub-account/futures/positionRisk — a sub-account's USDⓈ-M positions.</summary>
    public static readonly BinanceEndpoint SubAccountPositionRisk = new(
        nameof(SubAccountPositionRisk), HttpMethod.Get, "/sapi/v1/sub-account/futures/positionRisk", Signed: true,
        IpWeight: 10, UidWeight: 0, KeyPermission.Reading, "BNET (IP 10)") { Id = SubAccountManagementFirstId + 20 };

    /// <summary>GET /sapi/v2/sub-account/futures/positionRisk — positions by futuresType.</summary>
    public static readonly BinanceEndpoint SubAccountPositionRiskV2 = new(
        nameof(SubAccountPositionRiskV2), HttpMethod.Get, "/sapi/v2/sub-account/futures/positionRisk", Signed: true,
        IpWeight: 1, UidWeight: 0, KeyPermission.Reading, "BNET (IP 1)") { Id = SubAccountManagementFirstId + 21 };

    /// <summary>POST /sapi/v1/sub-account/futures/move-position — move up to 10 USDⓈ-M positions (master only; VIP 7-9 on Binance).</summary>
    public static readonly BinanceEndpoint MoveSubAccountPosition = new(
        nameof(MoveSubAccountPosition), HttpMethod.Post, "/sapi/v1/sub-account/futures/move-position", Signed: true,
        IpWeight: 1, UidWeight: 0, KeyPermission.Futures, "reference §3.2 (IP 1); permission assumed") { Id = SubAccountManagementFirstId + 22 };

    /// <summary>GET /sapi/v1/sub-account/futures/move-position — executed moves of a symbol.</summary>
    public static readonly BinanceEndpoint SubAccountMovePositionHistory = new(
        nameof(SubAccountMovePositionHistory), HttpMethod.Get, "/sapi/v1/sub-account/futures/move-position", Signed: true,
        IpWeight: 1, UidWeight: 0, KeyPermission.Reading, "reference §3.2; DOCS EN (IP 1)") { Id = SubAccountManagementFirstId + 23 };

    private static readonly BinanceEndpoint[] SubAccountManagementEndpoints =
    [
        CreateVirtualSubAccount, SubAccountList, SubAccountStatus, EnableSubAccountFutures, EnableSubAccountOptions,
        SubAccountTransactionStatistics,
        SubAccountAssetsV3, SubAccountAssetsV4, SubAccountSpotSummary, SubAccountMarginAccount,
        SubAccountMarginSummary, SubAccountFuturesAccount, SubAccountFuturesAccountV2, SubAccountFuturesSummary, SubAccountFuturesSummaryV2,
        SubAccountDepositAddress, SubAccountDepositHistory,
        SetSubAccountIpRestriction, GetSubAccountIpRestriction, DeleteSubAccountIpList,
        SubAccountPositionRisk, SubAccountPositionRiskV2, MoveSubAccountPosition, SubAccountMovePositionHistory,
    ];

    // --- Managed sub-accounts, reference §3.5. Ids continue after the previous block, counted from its length. ---

    /// <summary>The id of the first managed sub-account row.</summary>
    private static readonly int ManagedSubAccountFirstId = SubAccountManagementFirstId + SubAccountManagementEndpoints.Length;

    /// <summary>POST /sapi/v1/managed-subaccount/deposit — the investor's spot into a managed sub-account.</summary>
    public static readonly BinanceEndpoint ManagedSubAccountDeposit = new(
        nameof(ManagedSubAccountDeposit), HttpMethod.Post, "/sapi/v1/managed-subaccount/deposit", Signed: true,
        IpWeight: 1, UidWeight: 0, KeyPermission.InternalTransfer, "reference §3.5 (IP 1); permission assumed") { Id = ManagedSubAccountFirstId };

    /// <summary>GET /sapi/v1/managed-subaccount/deposit/address — a managed sub-account's deposit address.</summary>
    public static readonly BinanceEndpoint ManagedSubAccountDepositAddress = new(
        nameof(ManagedSubAccountDepositAddress), HttpMethod.Get, "/sapi/v1/managed-subaccount/deposit/address", Signed: true,
        IpWeight: 0, UidWeight: 1, KeyPermission.Reading, "reference §3.5 (UID 1)") { Id = ManagedSubAccountFirstId + 1 };

    /// <summary>GET /sapi/v1/managed-subaccount/asset — a managed sub-account's spot assets.</summary>
    public static readonly BinanceEndpoint ManagedSubAccountAssets = new(
        nameof(ManagedSubAccountAssets), HttpMethod.Get, "/sapi/v1/managed-subaccount/asset", Signed: true,
        IpWeight: 1, UidWeight: 0, KeyPermission.Reading, "reference §3.5 (IP 1)") { Id = ManagedSubAccountFirstId + 2 };

    /// <summary>GET /sapi/v1/managed-subaccount/fetch-future-asset — futures assets and positions ("code" is a string).</summary>
    public static readonly BinanceEndpoint ManagedSubAccountFuturesAssets = new(
        nameof(ManagedSubAccountFuturesAssets), HttpMethod.Get, "/sapi/v1/managed-subaccount/fetch-future-asset", Signed: true,
        IpWeight: 0, UidWeight: 60, KeyPermission.Reading, "reference §3.5 (UID 60)") { Id = ManagedSubAccountFirstId + 3 };

    /// <summary>GET /sapi/v1/managed-subaccount/info — the investor's managed sub-accounts (limit default 20, max 20).</summary>
    public static readonly BinanceEndpoint ManagedSubAccountList = new(
        nameof(ManagedSubAccountList), HttpMethod.Get, "/sapi/v1/managed-subaccount/info", Signed: true,
        IpWeight: 0, UidWeight: 60, KeyPermission.Reading, "reference §3.5; DOCS zh-CN (UID 60)") { Id = ManagedSubAccountFirstId + 4 };

    /// <summary>GET /sapi/v1/managed-subaccount/marginAsset — cross or isolated margin assets.</summary>
    public static readonly BinanceEndpoint ManagedSubAccountMarginAssets = new(
        nameof(ManagedSubAccountMarginAssets), HttpMethod.Get, "/sapi/v1/managed-subaccount/marginAsset", Signed: true,
        IpWeight: 1, UidWeight: 0, KeyPermission.Reading, "reference §3.5 (IP 1)") { Id = ManagedSubAccountFirstId + 5 };

    /// <summary>GET /sapi/v1/managed-subaccount/accountSnapshot — daily snapshots, last month only ("code" is a number).</summary>
    public static readonly BinanceEndpoint ManagedSubAccountSnapshot = new(
        nameof(ManagedSubAccountSnapshot), HttpMethod.Get, "/sapi/v1/managed-subaccount/accountSnapshot", Signed: true,
        IpWeight: 2400, UidWeight: 0, KeyPermission.Reading, "reference §3.5; DOCS EN (IP 2400)") { Id = ManagedSubAccountFirstId + 6 };

    /// <summary>GET /sapi/v1/managed-subaccount/queryTransLogForInvestor — the investor's transfer log of one managed sub-account.</summary>
    public static readonly BinanceEndpoint ManagedSubAccountInvestorLog = new(
        nameof(ManagedSubAccountInvestorLog), HttpMethod.Get, "/sapi/v1/managed-subaccount/queryTransLogForInvestor", Signed: true,
        IpWeight: 1, UidWeight: 0, KeyPermission.Reading, "reference §3.5 (IP 1)") { Id = ManagedSubAccountFirstId + 7 };

    /// <summary>GET /sapi/v1/managed-subaccount/queryTransLogForTradeParent — the trading-team master's log.</summary>
    public static readonly BinanceEndpoint ManagedSubAccountTradeParentLog = new(
        nameof(ManagedSubAccountTradeParentLog), HttpMethod.Get, "/sapi/v1/managed-subaccount/queryTransLogForTradeParent", Signed: true,
        IpWeight: 0, UidWeight: 60, KeyPermission.Reading, "reference §3.5 (UID 60)") { Id = ManagedSubAccountFirstId + 8 };

    /// <summary>GET /sapi/v1/managed-subaccount/query-trans-log — the trading-team sub-account's own log.</summary>
    public static readonly BinanceEndpoint ManagedSubAccountOwnLog = new(
        nameof(ManagedSubAccountOwnLog), HttpMethod.Get, "/sapi/v1/managed-subaccount/query-trans-log", Signed: true,
        IpWeight: 0, UidWeight: 60, KeyPermission.Reading, "reference §3.5 (UID 60)") { Id = ManagedSubAccountFirstId + 9 };

    /// <summary>POST /sapi/v1/managed-subaccount/withdraw — back to the investor's spot, now or on transferDate.</summary>
    public static readonly BinanceEndpoint ManagedSubAccountWithdraw = new(
        nameof(ManagedSubAccountWithdraw), HttpMethod.Post, "/sapi/v1/managed-subaccount/withdraw", Signed: true,
        IpWeight: 1, UidWeight: 0, KeyPermission.InternalTransfer, "reference §3.5 (IP 1); permission assumed") { Id = ManagedSubAccountFirstId + 10 };

    private static readonly BinanceEndpoint[] ManagedSubAccountEndpoints =
    [
        ManagedSubAccountDeposit, ManagedSubAccountDepositAddress, ManagedSubAccountAssets, ManagedSubAccountFuturesAssets,
        ManagedSubAccountList, ManagedSubAccountMarginAssets, ManagedSubAccountSnapshot, ManagedSubAccountInvestorLog,
        ManagedSubAccountTradeParentLog, ManagedSubAccountOwnLog, ManagedSubAccountWithdraw,
    ];

    // --- The master account's own balances, reference §5b.2 (all IP weights, all "Reading"). Ids continue after the
    // previous block. /fapi and /dapi rows live on their own hosts (BinanceEndpoint.Host) with their own shared budgets. ---

    /// <summary>The id of the first balances row.</summary>
    private static readonly int BalancesFirstId = ManagedSubAccountFirstId + ManagedSubAccountEndpoints.Length;

    /// <summary>GET /api/v3/account — the spot account: balances (omitZeroBalances), commissions, permissions.</summary>
    public static readonly BinanceEndpoint SpotAccount = new(
        nameof(SpotAccount), HttpMethod.Get, "/api/v3/account", Signed: true,
        IpWeight: 20, UidWeight: 0, KeyPermission.Reading,
        "SPOT-DOCS rest-api.md Account information (IP 20 since 2023-08-25); BNET-BAL 20") { Id = BalancesFirstId };

    /// <summary>POST /sapi/v3/asset/getUserAsset — positive assets only ("just for positive data"); a read despite POST.</summary>
    public static readonly BinanceEndpoint UserAssets = new(
        nameof(UserAssets), HttpMethod.Post, "/sapi/v3/asset/getUserAsset", Signed: true,
        IpWeight: 5, UidWeight: 0, KeyPermission.Reading,
        "DOCS wallet/asset/user-assets; PY-SDK-BAL (IP 5); BNET-BAL 5") { Id = BalancesFirstId + 1 };

    /// <summary>POST /sapi/v1/asset/get-funding-asset — the funding wallet; a read despite POST.</summary>
    public static readonly BinanceEndpoint FundingAssets = new(
        nameof(FundingAssets), HttpMethod.Post, "/sapi/v1/asset/get-funding-asset", Signed: true,
        IpWeight: 1, UidWeight: 0, KeyPermission.Reading,
        "DOCS wallet/asset/funding-wallet; PY-SDK-BAL (IP 1); BNET-BAL 1") { Id = BalancesFirstId + 2 };

    /// <summary>GET /sapi/v1/asset/wallet/balance — one row per wallet valued in quoteAsset (permission: CONFLICT, configurable).</summary>
    public static readonly BinanceEndpoint WalletOverview = new(
        nameof(WalletOverview), HttpMethod.Get, "/sapi/v1/asset/wallet/balance", Signed: true,
        IpWeight: 60, UidWeight: 0, KeyPermission.Reading,
        "DOCS zh-CN query-user-wallet-balance; PY-SDK-BAL (IP 60); BNET-BAL 60. CONFLICT: the legacy EN page asks for "
        + "Permits Universal Transfer, zh-CN and PY-SDK do not (BinanceClientOptions.WalletOverviewPermission)") { Id = BalancesFirstId + 3 };

    /// <summary>GET /sapi/v1/margin/account — the cross-margin account (-3003 when margin was never opened).</summary>
    public static readonly BinanceEndpoint CrossMarginAccount = new(
        nameof(CrossMarginAccount), HttpMethod.Get, "/sapi/v1/margin/account", Signed: true,
        IpWeight: 10, UidWeight: 0, KeyPermission.Reading,
        "DOCS margin_trading/account/Query-Cross-Margin-Account-Details (IP 10); PY-SDK-BAL; BNET-BAL 10") { Id = BalancesFirstId + 4 };

    /// <summary>GET /sapi/v1/margin/isolated/account — isolated pairs (symbols: at most 5; none means all).</summary>
    public static readonly BinanceEndpoint IsolatedMarginAccount = new(
        nameof(IsolatedMarginAccount), HttpMethod.Get, "/sapi/v1/margin/isolated/account", Signed: true,
        IpWeight: 10, UidWeight: 0, KeyPermission.Reading,
        "DOCS margin_trading/account/Query-Isolated-Margin-Account-Info (IP 10); PY-SDK-BAL; BNET-BAL 10") { Id = BalancesFirstId + 5 };

    /// <summary>GET /fapi/v3/balance (fapi host) — USDⓈ-M balances per asset.</summary>
    public static readonly BinanceEndpoint UsdmFuturesBalance = new(
        nameof(UsdmFuturesBalance), HttpMethod.Get, "/fapi/v3/balance", Signed: true,
        IpWeight: 5, UidWeight: 0, KeyPermission.Reading,
        "PY-SDK-BAL (IP 5); BNET-BAL 5; new 2024-07-24 (FUT-CL)") { Id = BalancesFirstId + 6 };

    /// <summary>GET /fapi/v3/account (fapi host) — USDⓈ-M totals, assets and open positions (what ccxt's fetchBalance reads).</summary>
    public static readonly BinanceEndpoint UsdmFuturesAccount = new(
        nameof(UsdmFuturesAccount), HttpMethod.Get, "/fapi/v3/account", Signed: true,
        IpWeight: 5, UidWeight: 0, KeyPermission.Reading,
        "DOCS zh-CN Account-Information-V3 (5); PY-SDK-BAL; BNET-BAL 5. The v2 account this replaces: 5 in the docs, "
        + "10 in BNET-BAL (CONFLICT; no v2 row here)") { Id = BalancesFirstId + 7 };

    /// <summary>GET /dapi/v1/balance (dapi host) — COIN-M balances per coin.</summary>
    public static readonly BinanceEndpoint CoinFuturesBalance = new(
        nameof(CoinFuturesBalance), HttpMethod.Get, "/dapi/v1/balance", Signed: true,
        IpWeight: 1, UidWeight: 0, KeyPermission.Reading,
        "DOCS derivatives/coin-margined-futures Futures-Account-Balance (1); PY-SDK-BAL 1; BNET-BAL 1") { Id = BalancesFirstId + 8 };

    /// <summary>GET /dapi/v1/account (dapi host) — COIN-M assets and positions (what ccxt's fetchBalance reads).</summary>
    public static readonly BinanceEndpoint CoinFuturesAccount = new(
        nameof(CoinFuturesAccount), HttpMethod.Get, "/dapi/v1/account", Signed: true,
        IpWeight: 5, UidWeight: 0, KeyPermission.Reading,
        "PY-SDK-BAL (IP 5); BNET-BAL 5; CCXT-NPM cost 5") { Id = BalancesFirstId + 9 };

    private static readonly BinanceEndpoint[] BalancesEndpoints =
    [
        SpotAccount, UserAssets, FundingAssets, WalletOverview, CrossMarginAccount, IsolatedMarginAccount,
        UsdmFuturesBalance, UsdmFuturesAccount, CoinFuturesBalance, CoinFuturesAccount,
    ];

    /// <summary>Every endpoint, in <see cref="BinanceEndpoint.Id"/> order.</summary>
    public static IReadOnlyList<BinanceEndpoint> All { get; } =
        [UniversalTransfer, UniversalTransferHistory, CrossMarginTransferHistory, ServerTime,
        SubAccountMarginTransfer, SubAccountFuturesTransfer, SubAccountUniversalTransfer, SubAccountUniversalTransferHistory,
        SubAccountFuturesInternalTransfer, SubAccountFuturesInternalTransferHistory, SubAccountToMaster, SubAccountToSubAccount,
        SubAccountUserHistory, SubAccountSpotTransferHistory,
        .. SubAccountManagementEndpoints, .. ManagedSubAccountEndpoints, .. BalancesEndpoints];

    /// <summary>The table with the universal transfer's UID weight set to <paramref name="universalTransferUidWeight"/>.</summary>
    public static IReadOnlyList<BinanceEndpoint> WithUniversalTransferWeight(int universalTransferUidWeight)
    {
        var table = All.ToArray();
        table[UniversalTransfer.Id] = UniversalTransfer with { UidWeight = universalTransferUidWeight };
        return table;
    }

    /// <summary>
    /// The table a client with <paramref name="options"/> uses: the configured universal-transfer UID weight and the
    /// configured wallet-overview permission (the places where the sources conflict).
    /// </summary>
    public static IReadOnlyList<BinanceEndpoint> For(BinanceClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var table = WithUniversalTransferWeight(options.UniversalTransferUidWeight).ToArray();
        table[WalletOverview.Id] = WalletOverview with { Permission = options.WalletOverviewPermission };
        return table;
    }
}
