using System.Text.Json.Serialization;

namespace Ferry.Binance.Models.SubAccount;

/// <summary>GET /sapi/v1/sub-account/margin/account: a sub-account's cross-margin account.</summary>
public sealed record SubAccountMarginAccount
{
    /// <summary>The sub-account.</summary>
    [JsonPropertyName("email")]
    [JsonRequired]
    public string Email { get; init; } = "";

    /// <summary>Margin level.</summary>
    [JsonPropertyName("marginLevel")]
    [JsonRequired]
    public decimal MarginLevel { get; init; }

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

    /// <summary>Liquidation, margin-call and normal bars.</summary>
    [JsonPropertyName("marginTradeCoeffVo")]
    public SubAccountMarginTradeCoeff? MarginTradeCoeffVo { get; init; }

    /// <summary>One row per asset.</summary>
    [JsonPropertyName("marginUserAssetVoList")]
    [JsonRequired]
    public IReadOnlyList<SubAccountMarginAsset> MarginUserAssetVoList { get; init; } = [];
}
