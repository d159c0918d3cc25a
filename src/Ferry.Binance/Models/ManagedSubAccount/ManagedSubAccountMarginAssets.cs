using System.Text.Json.Serialization;

namespace Ferry.Binance.Models.ManagedSubAccount;

/// <summary>GET /sapi/v1/managed-subaccount/marginAsset (strings).</summary>
public sealed record ManagedSubAccountMarginAssets
{
    /// <summary>Margin level ("999" with no debt).</summary>
    [JsonPropertyName("marginLevel")]
    public decimal MarginLevel { get; init; }

    /// <summary>Total assets in BTC.</summary>
    [JsonPropertyName("totalAssetOfBtc")]
    public decimal TotalAssetOfBtc { get; init; }

    /// <summary>Total liabilities in BTC.</summary>
    [JsonPropertyName("totalLiabilityOfBtc")]
    public decimal TotalLiabilityOfBtc { get; init; }

    /// <summary>Net assets in BTC.</summary>
    [JsonPropertyName("totalNetAssetOfBtc")]
    public decimal TotalNetAssetOfBtc { get; init; }

    /// <summary>Per asset.</summary>
    [JsonPropertyName("userAssets")]
    [JsonRequired]
    public IReadOnlyList<ManagedMarginUserAsset> UserAssets { get; init; } = [];
}
