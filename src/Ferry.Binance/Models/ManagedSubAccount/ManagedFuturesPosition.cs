using System.Text.Json.Serialization;

namespace Ferry.Binance.Models.ManagedSubAccount;

/// <summary>One futures position (fetch-future-asset; accountSnapshot adds unRealizedProfit).</summary>
public sealed record ManagedFuturesPosition
{
    /// <summary>The symbol.</summary>
    [JsonPropertyName("symbol")]
    [JsonRequired]
    public string Symbol { get; init; } = "";

    /// <summary>Average entry price.</summary>
    [JsonPropertyName("entryPrice")]
    public decimal EntryPrice { get; init; }

    /// <summary>Mark price.</summary>
    [JsonPropertyName("markPrice")]
    public decimal MarkPrice { get; init; }

    /// <summary>Signed quantity (negative: short).</summary>
    [JsonPropertyName("positionAmt")]
    public decimal PositionAmt { get; init; }

    /// <summary>Unrealized profit (accountSnapshot only; 0 when absent).</summary>
    [JsonPropertyName("unRealizedProfit")]
    public decimal UnRealizedProfit { get; init; }
}
