using System.Text.Json.Serialization;

namespace Ferry.Binance.Models.SubAccount;

/// <summary>GET /sapi/v1/sub-account/margin/accountSummary: every sub-account's margin account in BTC.</summary>
public sealed record SubAccountMarginSummary
{
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

    /// <summary>One row per sub-account with margin.</summary>
    [JsonPropertyName("subAccountList")]
    [JsonRequired]
    public IReadOnlyList<SubAccountMarginSummaryRow> SubAccountList { get; init; } = [];
}
