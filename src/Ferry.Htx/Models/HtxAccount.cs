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

/// <summary>One (currency, type) row of a spot balance.</summary>
public sealed record HtxBalanceRow
{
    /// <summary>Lower-case currency, e.g. "usdt".</summary>
    [JsonPropertyName("currency")]
    [JsonRequired]
    public string Currency { get; init; } = "";

    /// <summary>"trade" (available) or "frozen"; margin accounts add "loan" and "interest".</summary>
    [JsonPropertyName("type")]
    [JsonRequired]
    public string Type { get; init; } = "";

    /// <summary>The amount.</summary>
    [JsonPropertyName("balance")]
    [JsonRequired]
    public decimal Balance { get; init; }

    /// <summary>Debt, in newer answers.</summary>
    [JsonPropertyName("debt")]
    public decimal? Debt { get; init; }

    /// <summary>Available amount, in newer answers.</summary>
    [JsonPropertyName("available")]
    public decimal? Available { get; init; }

    /// <summary>Sequence number of the row's last change, in newer answers.</summary>
    [JsonPropertyName("seq-num")]
    public string? SeqNum { get; init; }
}
