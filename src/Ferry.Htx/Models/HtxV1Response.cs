using System.Text.Json.Serialization;

namespace Ferry.Htx.Models;

/// <summary>HTX's v1 success envelope: <c>{"status":"ok","data":…}</c>.</summary>
public sealed record HtxV1Response<T>
{
    /// <summary>"ok" on success (errors never reach this model).</summary>
    [JsonPropertyName("status")]
    [JsonRequired]
    public string Status { get; init; } = "";

    /// <summary>The answer.</summary>
    [JsonPropertyName("data")]
    [JsonRequired]
    public T Data { get; init; } = default!;
}
