using System.Text.Json.Serialization;

namespace Ferry.Binance.Models.SubAccount;

/// <summary>One sub-account of the USDⓈ-M summary.</summary>
public sealed record SubAccountFuturesSummaryRow
{
    /// <summary>The sub-account.</summary>
    [JsonPropertyName("email")]
    [JsonRequired]
    public string Email { get; init; } = "";

    /// <summary>TotalInitialMargin</summary>
    [JsonPropertyName("totalInitialMargin")]
    [JsonRequired]
    public decimal TotalInitialMargin { get; init; }

    /// <summary>TotalMaintenanceMargin</summary>
    [JsonPropertyName("totalMaintenanceMargin")]
    [JsonRequired]
    public decimal TotalMaintenanceMargin { get; init; }

    /// <summary>TotalMarginBalance</summary>
    [JsonPropertyName("totalMarginBalance")]
    [JsonRequired]
    public decimal TotalMarginBalance { get; init; }

    /// <summary>TotalOpenOrderInitialMargin</summary>
    [JsonPropertyName("totalOpenOrderInitialMargin")]
    [JsonRequired]
    public decimal TotalOpenOrderInitialMargin { get; init; }

    /// <summary>TotalPositionInitialMargin</summary>
    [JsonPropertyName("totalPositionInitialMargin")]
    [JsonRequired]
    public decimal TotalPositionInitialMargin { get; init; }

    /// <summary>TotalUnrealizedProfit</summary>
    [JsonPropertyName("totalUnrealizedProfit")]
    [JsonRequired]
    public decimal TotalUnrealizedProfit { get; init; }

    /// <summary>TotalWalletBalance</summary>
    [JsonPropertyName("totalWalletBalance")]
    [JsonRequired]
    public decimal TotalWalletBalance { get; init; }

    /// <summary>"USD".</summary>
    [JsonPropertyName("asset")]
    [JsonRequired]
    public string Asset { get; init; } = "";
}
