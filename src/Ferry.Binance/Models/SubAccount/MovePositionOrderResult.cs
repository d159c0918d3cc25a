using System.Text.Json.Serialization;

namespace Ferry.Binance.Models.SubAccount;

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
