using System.Text.Json.Serialization;

namespace Ferry.Binance.Models.SubAccount;

/// <summary>One margin asset of a futures account.</summary>
public sealed record SubAccountFuturesAsset
{
    /// <summary>The asset.</summary>
    [JsonPropertyName("asset")]
    [JsonRequired]
    public string Asset { get; init; } = "";

    /// <summary>initialMargin</summary>
    [JsonPropertyName("initialMargin")]
    [JsonRequired]
    public decimal InitialMargin { get; init; }

    /// <summary>maintenanceMargin</summary>
    [JsonPropertyName("maintenanceMargin")]
    [JsonRequired]
    public decimal MaintenanceMargin { get; init; }

    /// <summary>marginBalance</summary>
    [JsonPropertyName("marginBalance")]
    [JsonRequired]
    public decimal MarginBalance { get; init; }

    /// <summary>maxWithdrawAmount</summary>
    [JsonPropertyName("maxWithdrawAmount")]
    [JsonRequired]
    public decimal MaxWithdrawAmount { get; init; }

    /// <summary>openOrderInitialMargin</summary>
    [JsonPropertyName("openOrderInitialMargin")]
    [JsonRequired]
    public decimal OpenOrderInitialMargin { get; init; }

    /// <summary>positionInitialMargin</summary>
    [JsonPropertyName("positionInitialMargin")]
    [JsonRequired]
    public decimal PositionInitialMargin { get; init; }

    /// <summary>unrealizedProfit</summary>
    [JsonPropertyName("unrealizedProfit")]
    [JsonRequired]
    public decimal UnrealizedProfit { get; init; }

    /// <summary>walletBalance</summary>
    [JsonPropertyName("walletBalance")]
    [JsonRequired]
    public decimal WalletBalance { get; init; }
}
