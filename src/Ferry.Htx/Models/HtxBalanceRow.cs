using System.Text.Json.Serialization;

namespace Ferry.Htx.Models;

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
