using System.Text.Json.Serialization;

namespace Ferry.Binance.Models.Balances;

/// <summary>One coin of GET /dapi/v1/balance (COIN-M; amounts in the coin; reference §5b.4).</summary>
public sealed record CoinFuturesBalance
{
    /// <summary>A unique account code.</summary>
    [JsonPropertyName("accountAlias")]
    public string? AccountAlias { get; init; }

    /// <summary>The coin.</summary>
    [JsonPropertyName("asset")]
    [JsonRequired]
    public string Asset { get; init; } = "";

    /// <summary>Wallet balance.</summary>
    [JsonPropertyName("balance")]
    [JsonRequired]
    public decimal Balance { get; init; }

    /// <summary>The most that can be transferred out (maxWithdrawAmount in /dapi/v1/account).</summary>
    [JsonPropertyName("withdrawAvailable")]
    [JsonRequired]
    public decimal WithdrawAvailable { get; init; }

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

    /// <summary>Last change (0 for a coin never used).</summary>
    [JsonPropertyName("updateTime")]
    [JsonRequired]
    [JsonConverter(typeof(EpochMillisecondsJsonConverter))]
    public DateTimeOffset UpdateTime { get; init; }
}
