using System.Text.Json.Serialization;

namespace Ferry.Binance.Models.Balances;

/// <summary>One wallet of GET /sapi/v1/asset/wallet/balance, valued in the requested quoteAsset (reference §5b.4).</summary>
public sealed record WalletOverviewRow
{
    /// <summary>Whether the wallet is activated.</summary>
    [JsonPropertyName("activate")]
    [JsonRequired]
    public bool Activate { get; init; }

    /// <summary>The wallet's value in quoteAsset (default BTC).</summary>
    [JsonPropertyName("balance")]
    [JsonRequired]
    public decimal Balance { get; init; }

    /// <summary>"Spot", "Funding", "Cross Margin", "Isolated Margin", "USDⓈ-M Futures", "COIN-M Futures", "Earn", ... (not a closed list).</summary>
    [JsonPropertyName("walletName")]
    [JsonRequired]
    public string WalletName { get; init; } = "";

    /// <summary>Per asset, only with needBalanceDetail=true.</summary>
    [JsonPropertyName("assetBalances")]
    public IReadOnlyList<WalletOverviewAsset>? AssetBalances { get; init; }
}
