using System.Text.Json.Serialization;

namespace Ferry.Binance.Models.SubAccount;

/// <summary>GET /sapi/v1/sub-account/futures/accountSummary, and v2's futureAccountSummaryResp: USDⓈ-M totals in USD.</summary>
public sealed record SubAccountFuturesSummary
{
    /// <summary>InitialMargin over every listed sub-account.</summary>
    [JsonPropertyName("totalInitialMargin")]
    [JsonRequired]
    public decimal TotalInitialMargin { get; init; }

    /// <summary>MaintenanceMargin over every listed sub-account.</summary>
    [JsonPropertyName("totalMaintenanceMargin")]
    [JsonRequired]
    public decimal TotalMaintenanceMargin { get; init; }

    /// <summary>MarginBalance over every listed sub-account.</summary>
    [JsonPropertyName("totalMarginBalance")]
    [JsonRequired]
    public decimal TotalMarginBalance { get; init; }

    /// <summary>OpenOrderInitialMargin over every listed sub-account.</summary>
    [JsonPropertyName("totalOpenOrderInitialMargin")]
    [JsonRequired]
    public decimal TotalOpenOrderInitialMargin { get; init; }

    /// <summary>PositionInitialMargin over every listed sub-account.</summary>
    [JsonPropertyName("totalPositionInitialMargin")]
    [JsonRequired]
    public decimal TotalPositionInitialMargin { get; init; }

    /// <summary>UnrealizedProfit over every listed sub-account.</summary>
    [JsonPropertyName("totalUnrealizedProfit")]
    [JsonRequired]
    public decimal TotalUnrealizedProfit { get; init; }

    /// <summary>WalletBalance over every listed sub-account.</summary>
    [JsonPropertyName("totalWalletBalance")]
    [JsonRequired]
    public decimal TotalWalletBalance { get; init; }

    /// <summary>"USD".</summary>
    [JsonPropertyName("asset")]
    [JsonRequired]
    public string Asset { get; init; } = "";

    /// <summary>This page's sub-accounts.</summary>
    [JsonPropertyName("subAccountList")]
    [JsonRequired]
    public IReadOnlyList<SubAccountFuturesSummaryRow> SubAccountList { get; init; } = [];
}
