namespace Ferry.Binance;

/// <summary>
/// One Binance REST endpoint as data (design principle 4): the limiter, the docs' coverage table and the
/// CLI all read these rows; nothing else in the client repeats a path or a weight.
/// </summary>
/// <param name="Name">A short stable name, e.g. "UniversalTransfer".</param>
/// <param name="Method">GET or POST.</param>
/// <param name="Path">The path under the base address, e.g. "/sapi/v1/asset/transfer".</param>
/// <param name="Signed">Whether the request carries timestamp, recvWindow and a signature.</param>
/// <param name="IpWeight">Weight charged to the endpoint's IP bucket (0 when none).</param>
/// <param name="UidWeight">Weight charged to the endpoint's UID bucket (0 when none).</param>
/// <param name="Permission">The key permission the endpoint needs.</param>
/// <param name="Source">Where the weight comes from (reference tag), so a reader knows what to trust.</param>
public sealed record BinanceEndpoint(
    string Name,
    HttpMethod Method,
    string Path,
    bool Signed,
    int IpWeight,
    int UidWeight,
    KeyPermission Permission,
    string Source)
{
    /// <summary>The position of the endpoint in <see cref="BinanceEndpoints.All"/>; the limiter indexes its buckets by it.</summary>
    public int Id { get; init; }

    /// <summary>True for <c>/api/*</c> paths, which share one IP budget (6000 per minute) instead of a per-endpoint one.</summary>
    public bool SharesApiBudget => Path.StartsWith("/api/", StringComparison.Ordinal);

    /// <summary>The host that serves the endpoint, read from its path: <c>/fapi/</c> USDⓈ-M, <c>/dapi/</c> COIN-M, else spot.</summary>
    public BinanceHost Host =>
        Path.StartsWith("/fapi/", StringComparison.Ordinal) ? BinanceHost.UsdmFutures
        : Path.StartsWith("/dapi/", StringComparison.Ordinal) ? BinanceHost.CoinFutures
        : BinanceHost.Spot;

    /// <summary>
    /// True when the endpoint's IP weight goes to one budget shared by its host instead of one of its own: <c>/api</c>
    /// (6000 per minute), <c>/fapi</c> and <c>/dapi</c> (2400 per minute each); all three report it in X-MBX-USED-WEIGHT-1M.
    /// </summary>
    public bool SharesHostBudget => SharesApiBudget || Host != BinanceHost.Spot;

    /// <summary>True when an API key must be sent (<c>X-MBX-APIKEY</c>).</summary>
    public bool Keyed => Signed || Permission != KeyPermission.None;

    /// <summary>"POST /sapi/v1/asset/transfer".</summary>
    public override string ToString() => $"{Method.Method} {Path}";
}
