using System.Text.Json.Serialization;

namespace Ferry.Binance.Models.SubAccount;

/// <summary>One USDⓈ-M position: a row of v1 positionRisk (an array) and of v2's futurePositionRiskVos.</summary>
public sealed record SubAccountPositionRisk
{
    /// <summary>Average entry price.</summary>
    [JsonPropertyName("entryPrice")]
    [JsonRequired]
    public decimal EntryPrice { get; init; }

    /// <summary>Leverage, as a string.</summary>
    [JsonPropertyName("leverage")]
    [JsonRequired]
    public string Leverage { get; init; } = "";

    /// <summary>Largest notional at this leverage.</summary>
    [JsonPropertyName("maxNotional")]
    [JsonRequired]
    public decimal MaxNotional { get; init; }

    /// <summary>Liquidation price.</summary>
    [JsonPropertyName("liquidationPrice")]
    [JsonRequired]
    public decimal LiquidationPrice { get; init; }

    /// <summary>Mark price.</summary>
    [JsonPropertyName("markPrice")]
    [JsonRequired]
    public decimal MarkPrice { get; init; }

    /// <summary>Signed size: positive long, negative short.</summary>
    [JsonPropertyName("positionAmount")]
    [JsonRequired]
    public decimal PositionAmount { get; init; }

    /// <summary>The symbol.</summary>
    [JsonPropertyName("symbol")]
    [JsonRequired]
    public string Symbol { get; init; } = "";

    /// <summary>Unrealized profit.</summary>
    [JsonPropertyName("unrealizedProfit")]
    [JsonRequired]
    public decimal UnrealizedProfit { get; init; }
}
