using System.Text.Json.Serialization;

namespace Ferry.Htx.Models;

/// <summary>HTX's v2 envelope: <c>{"code":200,"message":"…","data":…,"success":true}</c> (some v2 endpoints send <c>ok</c>, the ledger adds <c>nextId</c>).</summary>
public sealed record HtxV2Response<T>
{
    /// <summary>200 on success.</summary>
    [JsonPropertyName("code")]
    [JsonRequired]
    public int Code { get; init; }

    /// <summary>"Succeed", "success" or absent.</summary>
    [JsonPropertyName("message")]
    public string? Message { get; init; }

    /// <summary>The answer.</summary>
    [JsonPropertyName("data")]
    public T Data { get; init; } = default!;

    /// <summary>True on success, when sent.</summary>
    [JsonPropertyName("success")]
    public bool? Success { get; init; }

    /// <summary>True on success, on the endpoints that send it instead of <see cref="Success"/>.</summary>
    [JsonPropertyName("ok")]
    public bool? Ok { get; init; }

    /// <summary>The ledger's id of the first record of the next page, when there is one.</summary>
    [JsonPropertyName("nextId")]
    public long? NextId { get; init; }
}
