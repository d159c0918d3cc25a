using System.Text.Json.Serialization;

namespace Ferry.Binance.Models.SubAccount;

/// <summary>GET transaction-statistics: 30-day totals (decimal strings) and per-day rows (numbers).</summary>
public sealed record SubAccountTransactionStatistics
{
    /// <summary>30-day BTC-valued volume.</summary>
    [JsonPropertyName("recent30BtcTotal")]
    [JsonRequired]
    public decimal Recent30BtcTotal { get; init; }

    /// <summary>30-day BTC-valued futures volume.</summary>
    [JsonPropertyName("recent30BtcFuturesTotal")]
    public decimal Recent30BtcFuturesTotal { get; init; }

    /// <summary>30-day BTC-valued margin volume.</summary>
    [JsonPropertyName("recent30BtcMarginTotal")]
    public decimal Recent30BtcMarginTotal { get; init; }

    /// <summary>30-day BUSD-valued volume.</summary>
    [JsonPropertyName("recent30BusdTotal")]
    public decimal Recent30BusdTotal { get; init; }

    /// <summary>30-day BUSD-valued futures volume.</summary>
    [JsonPropertyName("recent30BusdFuturesTotal")]
    public decimal Recent30BusdFuturesTotal { get; init; }

    /// <summary>30-day BUSD-valued margin volume.</summary>
    [JsonPropertyName("recent30BusdMarginTotal")]
    public decimal Recent30BusdMarginTotal { get; init; }

    /// <summary>Per-day rows.</summary>
    [JsonPropertyName("tradeInfoVos")]
    public IReadOnlyList<SubAccountTradeInfo> TradeInfoVos { get; init; } = [];
}
