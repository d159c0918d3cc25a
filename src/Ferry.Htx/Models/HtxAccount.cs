using System.Text.Json.Serialization;

namespace Ferry.Htx.Models;

/// <summary>One row of GET /v1/account/accounts.</summary>
public sealed record HtxAccount
{
    /// <summary>The account id, used in the balance path.</summary>
    [JsonPropertyName("id")]
    [JsonRequired]
    public long Id { get; init; }

    /// <summary>"spot", "margin", "otc", "point", "super-margin", "investment" or "borrow".</summary>
    [JsonPropertyName("type")]
    [JsonRequired]
    public string Type { get; init; } = "";

    /// <summary>The isolated margin symbol, or "".</summary>
    [JsonPropertyName("subtype")]
    public string Subtype { get; init; } = "";

    /// <summary>"working" or "lock".</summary>
    [JsonPropertyName("state")]
    [JsonRequired]
    public string State { get; init; } = "";
}
