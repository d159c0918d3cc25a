using System.Text.Json.Serialization;

namespace Ferry.Binance.Models.Balances;

/// <summary>One isolated pair of GET /sapi/v1/margin/isolated/account.</summary>
public sealed record IsolatedMarginPair
{
    /// <summary>The base asset's side.</summary>
    [JsonPropertyName("baseAsset")]
    [JsonRequired]
    public IsolatedMarginAsset BaseAsset { get; init; } = new();

    /// <summary>The quote asset's side.</summary>
    [JsonPropertyName("quoteAsset")]
    [JsonRequired]
    public IsolatedMarginAsset QuoteAsset { get; init; } = new();

    /// <summary>The pair, e.g. BTCUSDT.</summary>
    [JsonPropertyName("symbol")]
    [JsonRequired]
    public string Symbol { get; init; } = "";

    /// <summary>Whether the pair's account was created.</summary>
    [JsonPropertyName("isolatedCreated")]
    public bool IsolatedCreated { get; init; }

    /// <summary>Whether the pair's account is enabled.</summary>
    [JsonPropertyName("enabled")]
    public bool Enabled { get; init; }

    /// <summary>Margin level.</summary>
    [JsonPropertyName("marginLevel")]
    [JsonRequired]
    public decimal MarginLevel { get; init; }

    /// <summary>EXCESSIVE, NORMAL, MARGIN_CALL, PRE_LIQUIDATION or FORCE_LIQUIDATION.</summary>
    [JsonPropertyName("marginLevelStatus")]
    public string? MarginLevelStatus { get; init; }

    /// <summary>Margin ratio.</summary>
    [JsonPropertyName("marginRatio")]
    public decimal? MarginRatio { get; init; }

    /// <summary>Index price.</summary>
    [JsonPropertyName("indexPrice")]
    public decimal? IndexPrice { get; init; }

    /// <summary>Liquidation price.</summary>
    [JsonPropertyName("liquidatePrice")]
    public decimal? LiquidatePrice { get; init; }

    /// <summary>Liquidation rate.</summary>
    [JsonPropertyName("liquidateRate")]
    public decimal? LiquidateRate { get; init; }

    /// <summary>Trading allowed.</summary>
    [JsonPropertyName("tradeEnabled")]
    public bool TradeEnabled { get; init; }
}
