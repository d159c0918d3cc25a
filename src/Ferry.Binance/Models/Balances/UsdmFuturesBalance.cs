using System.Text.Json.Serialization;

namespace Ferry.Binance.Models.Balances;

/// <summary>One asset of GET /fapi/v3/balance (USDⓈ-M; reference §5b.4).</summary>
public sealed record UsdmFuturesBalance
{
    /// <summary>A unique account code.</summary>
    [JsonPropertyName("accountAlias")]
    public string? AccountAlias { get; init; }

    /// <summary>The asset.</summary>
    [JsonPropertyName("asset")]
    [JsonRequired]
    public string Asset { get; init; } = "";

    /// <summary>Wallet balance.</summary>
    [JsonPropertyName("balance")]
    [JsonRequired]
    public decimal Balance { get; init; }

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

    /// <summary>Usable as multi-assets margin.</summary>
    [JsonPropertyName("marginAvailable")]
    public bool MarginAvailable { get; init; }

    /// <summary>Last change (0 for an asset never used).</summary>
    [JsonPropertyName("updateTime")]
    [JsonRequired]
    [JsonConverter(typeof(EpochMillisecondsJsonConverter))]
    public DateTimeOffset UpdateTime { get; init; }
}
