using System.Text.Json.Serialization;

namespace Ferry.Binance.Models.ManagedSubAccount;

/// <summary>One daily snapshot.</summary>
public sealed record ManagedAccountSnapshot
{
    /// <summary>"spot", "margin" or "futures".</summary>
    [JsonPropertyName("type")]
    [JsonRequired]
    public string Type { get; init; } = "";

    /// <summary>When it was taken (UTC; the end of a day).</summary>
    [JsonPropertyName("updateTime")]
    [JsonRequired]
    [JsonConverter(typeof(EpochMillisecondsJsonConverter))]
    public DateTimeOffset UpdateTime { get; init; }

    /// <summary>The figures; which fields are present depends on <see cref="Type"/>.</summary>
    [JsonPropertyName("data")]
    [JsonRequired]
    public ManagedAccountSnapshotData Data { get; init; } = new();
}
