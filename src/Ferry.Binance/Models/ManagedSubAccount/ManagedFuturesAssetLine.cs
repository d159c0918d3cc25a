using System.Text.Json.Serialization;

namespace Ferry.Binance.Models.ManagedSubAccount;

/// <summary>One margin asset of a futures account.</summary>
public sealed record ManagedFuturesAssetLine
{
    /// <summary>The asset.</summary>
    [JsonPropertyName("asset")]
    [JsonRequired]
    public string Asset { get; init; } = "";

    /// <summary>Wallet balance plus unrealized profit.</summary>
    [JsonPropertyName("marginBalance")]
    public decimal MarginBalance { get; init; }

    /// <summary>Wallet balance.</summary>
    [JsonPropertyName("walletBalance")]
    public decimal WalletBalance { get; init; }
}
