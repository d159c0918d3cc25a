using System.Text.Json.Serialization;

namespace Ferry.Binance.Models.SubAccount;

/// <summary>One sub-account of the margin summary.</summary>
public sealed record SubAccountMarginSummaryRow
{
    /// <summary>The sub-account.</summary>
    [JsonPropertyName("email")]
    [JsonRequired]
    public string Email { get; init; } = "";

    /// <summary>Assets in BTC.</summary>
    [JsonPropertyName("totalAssetOfBtc")]
    [JsonRequired]
    public decimal TotalAssetOfBtc { get; init; }

    /// <summary>Liabilities in BTC.</summary>
    [JsonPropertyName("totalLiabilityOfBtc")]
    [JsonRequired]
    public decimal TotalLiabilityOfBtc { get; init; }

    /// <summary>Net assets in BTC.</summary>
    [JsonPropertyName("totalNetAssetOfBtc")]
    [JsonRequired]
    public decimal TotalNetAssetOfBtc { get; init; }
}
