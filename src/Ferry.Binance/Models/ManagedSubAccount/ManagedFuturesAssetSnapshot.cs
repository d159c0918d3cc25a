using System.Text.Json.Serialization;

namespace Ferry.Binance.Models.ManagedSubAccount;

/// <summary>One entry of fetch-future-asset.</summary>
public sealed record ManagedFuturesAssetSnapshot
{
    /// <summary>"FUTURES".</summary>
    [JsonPropertyName("type")]
    public string Type { get; init; } = "";

    /// <summary>When the figures were taken (UTC).</summary>
    [JsonPropertyName("updateTime")]
    [JsonConverter(typeof(EpochMillisecondsJsonConverter))]
    public DateTimeOffset UpdateTime { get; init; }

    /// <summary>Assets and positions.</summary>
    [JsonPropertyName("data")]
    [JsonRequired]
    public ManagedFuturesAssetData Data { get; init; } = new();
}
