using System.Text.Json.Serialization;

namespace Ferry.Binance.Models.SubAccount;

/// <summary>One sub-account of the COIN-M summary.</summary>
public sealed record SubAccountCoinFuturesSummaryRow
{
    /// <summary>The sub-account.</summary>
    [JsonPropertyName("email")]
    [JsonRequired]
    public string Email { get; init; } = "";

    /// <summary>Margin balance.</summary>
    [JsonPropertyName("totalMarginBalance")]
    [JsonRequired]
    public decimal TotalMarginBalance { get; init; }

    /// <summary>Unrealized profit.</summary>
    [JsonPropertyName("totalUnrealizedProfit")]
    [JsonRequired]
    public decimal TotalUnrealizedProfit { get; init; }

    /// <summary>Wallet balance.</summary>
    [JsonPropertyName("totalWalletBalance")]
    [JsonRequired]
    public decimal TotalWalletBalance { get; init; }

    /// <summary>The unit, e.g. "BTC".</summary>
    [JsonPropertyName("asset")]
    [JsonRequired]
    public string Asset { get; init; } = "";
}
