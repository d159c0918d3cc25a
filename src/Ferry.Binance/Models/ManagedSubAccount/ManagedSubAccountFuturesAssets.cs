using System.Text.Json.Serialization;

namespace Ferry.Binance.Models.ManagedSubAccount;

/// <summary>GET /sapi/v1/managed-subaccount/fetch-future-asset: <c>{"code": "200", "message": "OK", "snapshotVos": [...]}</c>.</summary>
public sealed record ManagedSubAccountFuturesAssets
{
    /// <summary>"200" (a string in the docs; a number is accepted too).</summary>
    [JsonPropertyName("code")]
    [JsonConverter(typeof(StatusCodeTextJsonConverter))]
    public string Code { get; init; } = "";

    /// <summary>"OK".</summary>
    [JsonPropertyName("message")]
    public string Message { get; init; } = "";

    /// <summary>One entry of type FUTURES.</summary>
    [JsonPropertyName("snapshotVos")]
    [JsonRequired]
    public IReadOnlyList<ManagedFuturesAssetSnapshot> SnapshotVos { get; init; } = [];
}
