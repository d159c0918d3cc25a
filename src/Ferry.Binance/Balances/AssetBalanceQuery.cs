using Ferry.Binance.Http;

namespace Ferry.Binance.Balances;

/// <summary>
/// The parameters POST /sapi/v3/asset/getUserAsset and POST /sapi/v1/asset/get-funding-asset share: one asset or all,
/// and whether to value them in BTC.
/// </summary>
public sealed record AssetBalanceQuery : IWireParameters
{
    /// <summary>Only this asset, e.g. USDT; null: every asset (getUserAsset: every positive one).</summary>
    public string? Asset { get; init; }

    /// <summary>True: fill btcValuation.</summary>
    public bool? NeedBtcValuation { get; init; }

    /// <summary>Overrides the client's recvWindow for this request (1..60000 ms).</summary>
    public int? RecvWindow { get; init; }

    /// <summary>One sentence naming the first problem, or null when the query may be sent.</summary>
    public string? Validate() => Asset is null ? null : InputRules.Asset(Asset);

    void IWireParameters.WriteTo(ParameterWriter writer)
    {
        writer.AddIfPresent("asset", Asset);
        if (NeedBtcValuation is { } need)
        {
            writer.Add("needBtcValuation", need ? "true" : "false");
        }
    }
}
