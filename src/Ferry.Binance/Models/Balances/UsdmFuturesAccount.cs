using System.Text.Json.Serialization;

namespace Ferry.Binance.Models.Balances;

/// <summary>GET /fapi/v3/account: USDⓈ-M totals, assets and the positions with size or open orders (reference §5b.4). In single-asset mode the totals count USDT only.</summary>
public sealed record UsdmFuturesAccount
{
    /// <summary>Total initial margin.</summary>
    [JsonPropertyName("totalInitialMargin")]
    [JsonRequired]
    public decimal TotalInitialMargin { get; init; }

    /// <summary>Total maintenance margin.</summary>
    [JsonPropertyName("totalMaintMargin")]
    [JsonRequired]
    public decimal TotalMaintMargin { get; init; }

    /// <summary>Total wallet balance.</summary>
    [JsonPropertyName("totalWalletBalance")]
    [JsonRequired]
    public decimal TotalWalletBalance { get; init; }

    /// <summary>Total unrealized profit.</summary>
    [JsonPropertyName("totalUnrealizedProfit")]
    [JsonRequired]
    public decimal TotalUnrealizedProfit { get; init; }

    /// <summary>Total margin balance.</summary>
    [JsonPropertyName("totalMarginBalance")]
    [JsonRequired]
    public decimal TotalMarginBalance { get; init; }

    /// <summary>Initial margin of positions.</summary>
    [JsonPropertyName("totalPositionInitialMargin")]
    [JsonRequired]
    public decimal TotalPositionInitialMargin { get; init; }

    /// <summary>Initial margin of open orders.</summary>
    [JsonPropertyName("totalOpenOrderInitialMargin")]
    [JsonRequired]
    public decimal TotalOpenOrderInitialMargin { get; init; }

    /// <summary>Cross wallet balance.</summary>
    [JsonPropertyName("totalCrossWalletBalance")]
    [JsonRequired]
    public decimal TotalCrossWalletBalance { get; init; }

    /// <summary>Unrealized profit of cross positions.</summary>
    [JsonPropertyName("totalCrossUnPnl")]
    [JsonRequired]
    public decimal TotalCrossUnPnl { get; init; }

    /// <summary>Available for orders.</summary>
    [JsonPropertyName("availableBalance")]
    [JsonRequired]
    public decimal AvailableBalance { get; init; }

    /// <summary>The most that can be transferred out.</summary>
    [JsonPropertyName("maxWithdrawAmount")]
    [JsonRequired]
    public decimal MaxWithdrawAmount { get; init; }

    /// <summary>One row per margin asset.</summary>
    [JsonPropertyName("assets")]
    [JsonRequired]
    public IReadOnlyList<FuturesAccountAsset> Assets { get; init; } = [];

    /// <summary>Positions with size or open orders.</summary>
    [JsonPropertyName("positions")]
    public IReadOnlyList<UsdmFuturesPosition> Positions { get; init; } = [];
}
