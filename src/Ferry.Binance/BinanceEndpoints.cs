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

    /// <summary>Every endpoint, in <see cref="BinanceEndpoint.Id"/> order.</summary>
    public static IReadOnlyList<BinanceEndpoint> All { get; } =
        [UniversalTransfer, UniversalTransferHistory, CrossMarginTransferHistory, ServerTime];

    /// <summary>The table with the universal transfer's UID weight set to <paramref name="universalTransferUidWeight"/>.</summary>
    public static IReadOnlyList<BinanceEndpoint> WithUniversalTransferWeight(int universalTransferUidWeight)
    {
        var table = All.ToArray();
        table[UniversalTransfer.Id] = UniversalTransfer with { UidWeight = universalTransferUidWeight };
        return table;
    }
}
