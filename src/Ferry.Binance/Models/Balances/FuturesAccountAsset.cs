using System.Text.Json.Serialization;

namespace Ferry.Binance.Models.Balances;

/// <summary>One asset of a futures account: GET /fapi/v3/account (USDⓈ-M) and GET /dapi/v1/account (COIN-M, amounts in the coin) have the same fields.</summary>
public sealed record FuturesAccountAsset
{
    /// <summary>The asset.</summary>
    [JsonPropertyName("asset")]
    [JsonRequired]
    public string Asset { get; init; } = "";

    /// <summary>Wallet balance.</summary>
    [JsonPropertyName("walletBalance")]
    [JsonRequired]
    public decimal WalletBalance { get; init; }

    /// <summary>Unrealized profit.</summary>
    [JsonPropertyName("unrealizedProfit")]
    [JsonRequired]
    public decimal UnrealizedProfit { get; init; }

    /// <summary>Margin balance.</summary>
    [JsonPropertyName("marginBalance")]
    [JsonRequired]
    public decimal MarginBalance { get; init; }

    /// <summary>Maintenance margin.</summary>
    [JsonPropertyName("maintMargin")]
    [JsonRequired]
    public decimal MaintMargin { get; init; }

    /// <summary>Initial margin.</summary>
    [JsonPropertyName("initialMargin")]
    [JsonRequired]
    public decimal InitialMargin { get; init; }

    /// <summary>Initial margin of positions.</summary>
    [JsonPropertyName("positionInitialMargin")]
    [JsonRequired]
    public decimal PositionInitialMargin { get; init; }

    /// <summary>Initial margin of open orders.</summary>
    [JsonPropertyName("openOrderInitialMargin")]
    [JsonRequired]
    public decimal OpenOrderInitialMargin { get; init; }

    /// <summary>Cross wallet balance.</summary>
    [JsonPropertyName("crossWalletBalance")]
    [JsonRequired]
    public decimal CrossWalletBalance { get; init; }

    /// <summary>Unrealized profit of cross positions.</summary>
    [JsonPropertyName("crossUnPnl")]
    [JsonRequired]
    public decimal CrossUnPnl { get; init; }

    /// <summary>Available for orders.</summary>
    [JsonPropertyName("availableBalance")]
    [JsonRequired]
    public decimal AvailableBalance { get; init; }

    /// <summary>The most that can be transferred out.</summary>
    [JsonPropertyName("maxWithdrawAmount")]
    [JsonRequired]
    public decimal MaxWithdrawAmount { get; init; }

    /// <summary>Last change (0 for an asset never used; ccxt skips those).</summary>
    [JsonPropertyName("updateTime")]
    [JsonRequired]
    [JsonConverter(typeof(EpochMillisecondsJsonConverter))]
    public DateTimeOffset UpdateTime { get; init; }
}
