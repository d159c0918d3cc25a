using System.Text.Json.Serialization;

namespace Ferry.Binance.Models.SubAccount;

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
