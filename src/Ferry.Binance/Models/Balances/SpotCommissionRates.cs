using System.Text.Json.Serialization;

namespace Ferry.Binance.Models.Balances;

/// <summary>The commission rates of GET /api/v3/account.</summary>
public sealed record SpotCommissionRates
{
    /// <summary>Maker rate.</summary>
    [JsonPropertyName("maker")]
    [JsonRequired]
    public decimal Maker { get; init; }

    /// <summary>Taker rate.</summary>
    [JsonPropertyName("taker")]
    [JsonRequired]
    public decimal Taker { get; init; }

    /// <summary>Buyer rate.</summary>
    [JsonPropertyName("buyer")]
    [JsonRequired]
    public decimal Buyer { get; init; }

    /// <summary>Seller rate.</summary>
    [JsonPropertyName("seller")]
    [JsonRequired]
    public decimal Seller { get; init; }
}
