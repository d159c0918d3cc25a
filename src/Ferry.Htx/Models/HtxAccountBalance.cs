using System.Text.Json.Serialization;

namespace Ferry.Htx.Models;

/// <summary>The data of GET /v1/account/accounts/{account-id}/balance.</summary>
public sealed record HtxAccountBalance
{
    /// <summary>The account id.</summary>
    [JsonPropertyName("id")]
    [JsonRequired]
    public long Id { get; init; }

    /// <summary>The account type, e.g. "spot".</summary>
    [JsonPropertyName("type")]
    [JsonRequired]
    public string Type { get; init; } = "";

    /// <summary>"working" or "lock".</summary>
    [JsonPropertyName("state")]
    [JsonRequired]
    public string State { get; init; } = "";

    /// <summary>One row per (currency, type): "trade" is available, "frozen" is held.</summary>
    [JsonPropertyName("list")]
    [JsonRequired]
    public IReadOnlyList<HtxBalanceRow> List { get; init; } = [];
}
