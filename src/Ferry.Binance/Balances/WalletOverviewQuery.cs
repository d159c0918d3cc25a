using Ferry.Binance.Http;

namespace Ferry.Binance.Balances;

/// <summary>A GET /sapi/v1/asset/wallet/balance: every wallet's value in one quote asset.</summary>
public sealed record WalletOverviewQuery : IWireParameters
{
    /// <summary>The asset the wallets are valued in, e.g. USDT; null: Binance's default, BTC.</summary>
    public string? QuoteAsset { get; init; }

    /// <summary>True: each wallet also lists its assets (assetBalances).</summary>
    public bool? NeedBalanceDetail { get; init; }

    /// <summary>Overrides the client's recvWindow for this request (1..60000 ms).</summary>
    public int? RecvWindow { get; init; }

    /// <summary>One sentence naming the first problem, or null when the query may be sent.</summary>
    public string? Validate() => QuoteAsset is null ? null : InputRules.Asset(QuoteAsset, "quoteAsset");

    void IWireParameters.WriteTo(ParameterWriter writer)
    {
        writer.AddIfPresent("quoteAsset", QuoteAsset);
        if (NeedBalanceDetail is { } need)
        {
            writer.Add("needBalanceDetail", need ? "true" : "false");
        }
    }
}
