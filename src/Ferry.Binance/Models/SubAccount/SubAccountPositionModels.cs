using System.Text.Json.Serialization;

namespace Ferry.Binance.Models;

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

/// <summary>GET /sapi/v2/sub-account/futures/positionRisk: exactly one of the two keys, by futuresType.</summary>
public sealed record SubAccountPositionRiskV2
{
    /// <summary>futuresType 1 (USDⓈ-M).</summary>
    [JsonPropertyName("futurePositionRiskVos")]
    public IReadOnlyList<SubAccountPositionRisk>? FuturePositionRiskVos { get; init; }

    /// <summary>futuresType 2 (COIN-M).</summary>
    [JsonPropertyName("deliveryPositionRiskVos")]
    public IReadOnlyList<SubAccountDeliveryPositionRisk>? DeliveryPositionRiskVos { get; init; }
}

/// <summary>POST /sapi/v1/sub-account/futures/move-position: one row per requested position.</summary>
public sealed record MovePositionResult
{
    /// <summary>Per order, whether it moved.</summary>
    [JsonPropertyName("movePositionOrders")]
    [JsonRequired]
    public IReadOnlyList<MovePositionOrderResult> MovePositionOrders { get; init; } = [];
}

/// <summary>One order of a position move.</summary>
public sealed record MovePositionOrderResult
{
    /// <summary>The giving account.</summary>
    [JsonPropertyName("fromUserEmail")]
    [JsonRequired]
    public string FromUserEmail { get; init; } = "";

    /// <summary>The receiving account.</summary>
    [JsonPropertyName("toUserEmail")]
    [JsonRequired]
    public string ToUserEmail { get; init; } = "";

    /// <summary>"UM".</summary>
    [JsonPropertyName("productType")]
    [JsonRequired]
    public string ProductType { get; init; } = "";

    /// <summary>The symbol.</summary>
    [JsonPropertyName("symbol")]
    [JsonRequired]
    public string Symbol { get; init; } = "";

    /// <summary>"MARK_PRICE".</summary>
    [JsonPropertyName("priceType")]
    [JsonRequired]
    public string PriceType { get; init; } = "";

    /// <summary>The price the position moved at.</summary>
    [JsonPropertyName("price")]
    [JsonRequired]
    public decimal Price { get; init; }

    /// <summary>The quantity.</summary>
    [JsonPropertyName("quantity")]
    [JsonRequired]
    public decimal Quantity { get; init; }

    /// <summary>BOTH, LONG or SHORT.</summary>
    [JsonPropertyName("positionSide")]
    [JsonRequired]
    public string PositionSide { get; init; } = "";

    /// <summary>BUY or SELL.</summary>
    [JsonPropertyName("side")]
    [JsonRequired]
    public string Side { get; init; } = "";

    /// <summary>Whether this position moved.</summary>
    [JsonPropertyName("success")]
    [JsonRequired]
    public bool Success { get; init; }
}

/// <summary>GET /sapi/v1/sub-account/futures/move-position: one page of executed moves.</summary>
public sealed record MovePositionHistoryPage
{
    /// <summary>Moves over all pages.</summary>
    [JsonPropertyName("total")]
    [JsonRequired]
    public int Total { get; init; }

    /// <summary>This page, newest first.</summary>
    [JsonPropertyName("futureMovePositionOrderVoList")]
    public IReadOnlyList<MovePositionHistoryRow> FutureMovePositionOrderVoList { get; init; } = [];
}

/// <summary>One executed position move.</summary>
public sealed record MovePositionHistoryRow
{
    /// <summary>The giving account.</summary>
    [JsonPropertyName("fromUserEmail")]
    [JsonRequired]
    public string FromUserEmail { get; init; } = "";

    /// <summary>The receiving account.</summary>
    [JsonPropertyName("toUserEmail")]
    [JsonRequired]
    public string ToUserEmail { get; init; } = "";

    /// <summary>"UM".</summary>
    [JsonPropertyName("productType")]
    [JsonRequired]
    public string ProductType { get; init; } = "";

    /// <summary>The symbol.</summary>
    [JsonPropertyName("symbol")]
    [JsonRequired]
    public string Symbol { get; init; } = "";

    /// <summary>The price.</summary>
    [JsonPropertyName("price")]
    [JsonRequired]
    public decimal Price { get; init; }

    /// <summary>The quantity.</summary>
    [JsonPropertyName("quantity")]
    [JsonRequired]
    public decimal Quantity { get; init; }

    /// <summary>BOTH, LONG or SHORT.</summary>
    [JsonPropertyName("positionSide")]
    [JsonRequired]
    public string PositionSide { get; init; } = "";

    /// <summary>BUY or SELL.</summary>
    [JsonPropertyName("side")]
    [JsonRequired]
    public string Side { get; init; } = "";

    /// <summary>When it moved (UTC).</summary>
    [JsonPropertyName("timeStamp")]
    [JsonRequired]
    [JsonConverter(typeof(EpochMillisecondsJsonConverter))]
    public DateTimeOffset TimeStamp { get; init; }
}
