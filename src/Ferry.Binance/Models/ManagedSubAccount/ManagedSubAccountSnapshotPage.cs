using System.Text.Json.Serialization;

namespace Ferry.Binance.Models.ManagedSubAccount;

/// <summary>GET /sapi/v1/managed-subaccount/accountSnapshot: <c>{"code": 200, "msg": "", "snapshotVos": [...]}</c>.</summary>
public sealed record ManagedSubAccountSnapshotPage
{
    /// <summary>"200" (a number in the docs; a string is accepted too).</summary>
    [JsonPropertyName("code")]
    [JsonConverter(typeof(StatusCodeTextJsonConverter))]
    public string Code { get; init; } = "";

    /// <summary>"" on success.</summary>
    [JsonPropertyName("msg")]
    public string Msg { get; init; } = "";

    /// <summary>Daily snapshots.</summary>
    [JsonPropertyName("snapshotVos")]
    [JsonRequired]
    public IReadOnlyList<ManagedAccountSnapshot> SnapshotVos { get; init; } = [];
}
