using System.Text.Json.Serialization;

namespace Ferry.Binance.Models.SubAccount;

/// <summary>One day of transaction statistics (numbers, not strings, in the docs).</summary>
public sealed record SubAccountTradeInfo
{
    /// <summary>The user id.</summary>
    [JsonPropertyName("userId")]
    public long UserId { get; init; }

    /// <summary>BTC-valued volume.</summary>
    [JsonPropertyName("btc")]
    public decimal Btc { get; init; }

    /// <summary>BTC-valued futures volume.</summary>
    [JsonPropertyName("btcFutures")]
    public decimal BtcFutures { get; init; }

    /// <summary>BTC-valued margin volume.</summary>
    [JsonPropertyName("btcMargin")]
    public decimal BtcMargin { get; init; }

    /// <summary>BUSD-valued volume.</summary>
    [JsonPropertyName("busd")]
    public decimal Busd { get; init; }

    /// <summary>BUSD-valued futures volume.</summary>
    [JsonPropertyName("busdFutures")]
    public decimal BusdFutures { get; init; }

    /// <summary>BUSD-valued margin volume.</summary>
    [JsonPropertyName("busdMargin")]
    public decimal BusdMargin { get; init; }

    /// <summary>The day (UTC).</summary>
    [JsonPropertyName("date")]
    [JsonConverter(typeof(EpochMillisecondsJsonConverter))]
    public DateTimeOffset Date { get; init; }
}
