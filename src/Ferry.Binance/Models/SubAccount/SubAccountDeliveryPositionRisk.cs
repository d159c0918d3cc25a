using System.Text.Json.Serialization;

namespace Ferry.Binance.Models.SubAccount;

/// <summary>One COIN-M position of v2's deliveryPositionRiskVos.</summary>
public sealed record SubAccountDeliveryPositionRisk
{
    /// <summary>Average entry price.</summary>
    [JsonPropertyName("entryPrice")]
    [JsonRequired]
    public decimal EntryPrice { get; init; }

    /// <summary>Mark price.</summary>
    [JsonPropertyName("markPrice")]
    [JsonRequired]
    public decimal MarkPrice { get; init; }

    /// <summary>Leverage, as a string.</summary>
    [JsonPropertyName("leverage")]
    [JsonRequired]
    public string Leverage { get; init; } = "";

    /// <summary>"true" or "false".</summary>
    [JsonPropertyName("isolated")]
    [JsonRequired]
    public string Isolated { get; init; } = "";

    /// <summary>Isolated wallet.</summary>
    [JsonPropertyName("isolatedWallet")]
    [JsonRequired]
    public decimal IsolatedWallet { get; init; }

    /// <summary>Isolated margin.</summary>
    [JsonPropertyName("isolatedMargin")]
    [JsonRequired]
    public decimal IsolatedMargin { get; init; }

    /// <summary>"true" or "false".</summary>
    [JsonPropertyName("isAutoAddMargin")]
    [JsonRequired]
    public string IsAutoAddMargin { get; init; } = "";

    /// <summary>BOTH, LONG or SHORT.</summary>
    [JsonPropertyName("positionSide")]
    [JsonRequired]
    public string PositionSide { get; init; } = "";

    /// <summary>Signed size.</summary>
    [JsonPropertyName("positionAmount")]
    [JsonRequired]
    public decimal PositionAmount { get; init; }

    /// <summary>The symbol.</summary>
    [JsonPropertyName("symbol")]
    [JsonRequired]
    public string Symbol { get; init; } = "";

    /// <summary>Unrealized profit (in the coin).</summary>
    [JsonPropertyName("unrealizedProfit")]
    [JsonRequired]
    public decimal UnrealizedProfit { get; init; }
}
