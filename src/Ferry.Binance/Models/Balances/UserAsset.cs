using System.Text.Json.Serialization;

namespace Ferry.Binance.Models.Balances;

/// <summary>One positive asset of POST /sapi/v3/asset/getUserAsset (reference §5b.4).</summary>
public sealed record UserAsset
{
    /// <summary>The asset.</summary>
    [JsonPropertyName("asset")]
    [JsonRequired]
    public string Asset { get; init; } = "";

    /// <summary>Available.</summary>
    [JsonPropertyName("free")]
    [JsonRequired]
    public decimal Free { get; init; }

    /// <summary>Locked.</summary>
    [JsonPropertyName("locked")]
    [JsonRequired]
    public decimal Locked { get; init; }

    /// <summary>Frozen.</summary>
    [JsonPropertyName("freeze")]
    [JsonRequired]
    public decimal Freeze { get; init; }

    /// <summary>Being withdrawn.</summary>
    [JsonPropertyName("withdrawing")]
    [JsonRequired]
    public decimal Withdrawing { get; init; }

    /// <summary>Usable for launchpool subscriptions.</summary>
    [JsonPropertyName("ipoable")]
    public decimal? Ipoable { get; init; }

    /// <summary>Valued in BTC ("0" unless needBtcValuation).</summary>
    [JsonPropertyName("btcValuation")]
    public decimal? BtcValuation { get; init; }
}
