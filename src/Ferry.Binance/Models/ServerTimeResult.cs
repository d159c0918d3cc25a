using System.Text.Json.Serialization;

namespace Ferry.Binance.Models;

/// <summary>The answer to GET /api/v3/time.</summary>
public sealed record ServerTimeResult
{
    /// <summary>The exchange's clock (UTC, millisecond precision).</summary>
    [JsonPropertyName("serverTime")]
    [JsonRequired]
    [JsonConverter(typeof(EpochMillisecondsJsonConverter))]
    public DateTimeOffset ServerTime { get; init; }
}
