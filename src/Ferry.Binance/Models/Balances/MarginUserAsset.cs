using System.Text.Json.Serialization;

namespace Ferry.Binance.Models.Balances;

/// <summary>One asset of the cross-margin account (GET /sapi/v1/margin/account).</summary>
public sealed record MarginUserAsset
{
    /// <summary>The asset.</summary>
    [JsonPropertyName("asset")]
    [JsonRequired]
    public string Asset { get; init; } = "";

    /// <summary>Borrowed.</summary>
    [JsonPropertyName("borrowed")]
    [JsonRequired]
    public decimal Borrowed { get; init; }

    /// <summary>Available.</summary>
    [JsonPropertyName("free")]
    [JsonRequired]
    public decimal Free { get; init; }

    /// <summary>Interest owed.</summary>
    [JsonPropertyName("interest")]
    [JsonRequired]
    public decimal Interest { get; init; }

    /// <summary>Locked.</summary>
    [JsonPropertyName("locked")]
    [JsonRequired]
    public decimal Locked { get; init; }

    /// <summary>Net (the doc example fits free + locked - borrowed - interest).</summary>
    [JsonPropertyName("netAsset")]
    [JsonRequired]
    public decimal NetAsset { get; init; }
}
