using System.Text.Json.Serialization;

namespace Ferry.Binance.Models.ManagedSubAccount;

/// <summary>One asset of a margin account.</summary>
public sealed record ManagedMarginUserAsset
{
    /// <summary>The asset.</summary>
    [JsonPropertyName("asset")]
    [JsonRequired]
    public string Asset { get; init; } = "";

    /// <summary>Borrowed.</summary>
    [JsonPropertyName("borrowed")]
    public decimal Borrowed { get; init; }

    /// <summary>Free.</summary>
    [JsonPropertyName("free")]
    public decimal Free { get; init; }

    /// <summary>Interest owed.</summary>
    [JsonPropertyName("interest")]
    public decimal Interest { get; init; }

    /// <summary>Locked.</summary>
    [JsonPropertyName("locked")]
    public decimal Locked { get; init; }

    /// <summary>Net asset.</summary>
    [JsonPropertyName("netAsset")]
    public decimal NetAsset { get; init; }
}
