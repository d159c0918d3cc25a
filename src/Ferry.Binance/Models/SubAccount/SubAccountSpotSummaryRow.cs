using System.Text.Json.Serialization;

namespace Ferry.Binance.Models.SubAccount;

/// <summary>One sub-account of the spot summary.</summary>
public sealed record SubAccountSpotSummaryRow
{
    /// <summary>The sub-account.</summary>
    [JsonPropertyName("email")]
    [JsonRequired]
    public string Email { get; init; } = "";

    /// <summary>Its spot wallet in BTC.</summary>
    [JsonPropertyName("totalAsset")]
    [JsonRequired]
    public decimal TotalAsset { get; init; }
}
