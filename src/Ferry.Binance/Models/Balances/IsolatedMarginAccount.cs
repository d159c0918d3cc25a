using System.Text.Json.Serialization;

namespace Ferry.Binance.Models.Balances;

/// <summary>GET /sapi/v1/margin/isolated/account: isolated pairs (reference §5b.4). The totals may be absent when symbols are sent.</summary>
public sealed record IsolatedMarginAccount
{
    /// <summary>One row per isolated pair.</summary>
    [JsonPropertyName("assets")]
    [JsonRequired]
    public IReadOnlyList<IsolatedMarginPair> Assets { get; init; } = [];

    /// <summary>Assets in BTC.</summary>
    [JsonPropertyName("totalAssetOfBtc")]
    public decimal? TotalAssetOfBtc { get; init; }

    /// <summary>Liabilities in BTC.</summary>
    [JsonPropertyName("totalLiabilityOfBtc")]
    public decimal? TotalLiabilityOfBtc { get; init; }

    /// <summary>Net assets in BTC.</summary>
    [JsonPropertyName("totalNetAssetOfBtc")]
    public decimal? TotalNetAssetOfBtc { get; init; }
}
