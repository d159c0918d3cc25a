namespace Ferry.Binance;

/// <summary>
/// The endpoints this client calls, each declared once. Weights follow the reference
/// (exchange-api-facts.md §3.1); the client copies the table with the configured universal-transfer weight.
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

    // Sub-account transfers and their histories (issue #3; reference §3.2, all signed).

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

    /// <summary>Every endpoint, in <see cref="BinanceEndpoint.Id"/> order.</summary>
    public static IReadOnlyList<BinanceEndpoint> All { get; } =
        [UniversalTransfer, UniversalTransferHistory, CrossMarginTransferHistory, ServerTime,
        SubAccountMarginTransfer, SubAccountFuturesTransfer, SubAccountUniversalTransfer, SubAccountUniversalTransferHistory,
        SubAccountFuturesInternalTransfer, SubAccountFuturesInternalTransferHistory, SubAccountToMaster, SubAccountToSubAccount,
        SubAccountUserHistory, SubAccountSpotTransferHistory];

    /// <summary>The table with the universal transfer's UID weight set to <paramref name="universalTransferUidWeight"/>.</summary>
    public static IReadOnlyList<BinanceEndpoint> WithUniversalTransferWeight(int universalTransferUidWeight)
    {
        var table = All.ToArray();
        table[UniversalTransfer.Id] = UniversalTransfer with { UidWeight = universalTransferUidWeight };
        return table;
    }
}
