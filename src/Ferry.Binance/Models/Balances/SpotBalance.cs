using System.Text.Json.Serialization;

namespace Ferry.Binance.Models.Balances;

/// <summary>One asset of the spot wallet (GET /api/v3/account).</summary>
public sealed record SpotBalance
{
    /// <summary>The asset.</summary>
    [JsonPropertyName("asset")]
    [JsonRequired]
    public string Asset { get; init; } = "";

    /// <summary>Available.</summary>
    [JsonPropertyName("free")]
    [JsonRequired]
    public decimal Free { get; init; }

    /// <summary>Held by open orders.</summary>
    [JsonPropertyName("locked")]
    [JsonRequired]
    public decimal Locked { get; init; }
}
