using System.Text.Json.Serialization;

namespace Ferry.Htx.Models;

/// <summary>HTX's linear-swap envelope: <c>{"status":"ok","data":…,"ts":…}</c>.</summary>
public sealed record HtxSwapResponse<T>
{
    /// <summary>"ok" on success.</summary>
    [JsonPropertyName("status")]
    [JsonRequired]
    public string Status { get; init; } = "";

    /// <summary>The answer.</summary>
    [JsonPropertyName("data")]
    [JsonRequired]
    public T Data { get; init; } = default!;

    /// <summary>Server time of the answer, epoch milliseconds.</summary>
    [JsonPropertyName("ts")]
    [JsonRequired]
    public long Ts { get; init; }
}
