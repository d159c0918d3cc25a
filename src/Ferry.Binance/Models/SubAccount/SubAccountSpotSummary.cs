using System.Text.Json.Serialization;

namespace Ferry.Binance.Models.SubAccount;

/// <summary>GET /sapi/v1/sub-account/spotSummary: BTC value of the master's and each sub-account's spot wallet.</summary>
public sealed record SubAccountSpotSummary
{
    /// <summary>How many sub-accounts match over all pages.</summary>
    [JsonPropertyName("totalCount")]
    [JsonRequired]
    public int TotalCount { get; init; }

    /// <summary>The master's spot wallet in BTC.</summary>
    [JsonPropertyName("masterAccountTotalAsset")]
    [JsonRequired]
    public decimal MasterAccountTotalAsset { get; init; }

    /// <summary>This page's sub-accounts.</summary>
    [JsonPropertyName("spotSubUserAssetBtcVoList")]
    [JsonRequired]
    public IReadOnlyList<SubAccountSpotSummaryRow> SpotSubUserAssetBtcVoList { get; init; } = [];
}
