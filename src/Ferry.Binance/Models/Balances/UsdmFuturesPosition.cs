using System.Text.Json.Serialization;

namespace Ferry.Binance.Models.Balances;

/// <summary>One position of GET /fapi/v3/account.</summary>
public sealed record UsdmFuturesPosition
{
    /// <summary>The contract, e.g. BTCUSDT.</summary>
    [JsonPropertyName("symbol")]
    [JsonRequired]
    public string Symbol { get; init; } = "";

    /// <summary>BOTH, LONG or SHORT.</summary>
    [JsonPropertyName("positionSide")]
    public string? PositionSide { get; init; }

    /// <summary>Position size.</summary>
    [JsonPropertyName("positionAmt")]
    [JsonRequired]
    public decimal PositionAmt { get; init; }

    /// <summary>Unrealized profit.</summary>
    [JsonPropertyName("unrealizedProfit")]
    [JsonRequired]
    public decimal UnrealizedProfit { get; init; }

    /// <summary>Isolated margin.</summary>
    [JsonPropertyName("isolatedMargin")]
    [JsonRequired]
    public decimal IsolatedMargin { get; init; }

    /// <summary>Notional value.</summary>
    [JsonPropertyName("notional")]
    [JsonRequired]
    public decimal Notional { get; init; }

    /// <summary>Isolated wallet.</summary>
    [JsonPropertyName("isolatedWallet")]
    [JsonRequired]
    public decimal IsolatedWallet { get; init; }

    /// <summary>Initial margin.</summary>
    [JsonPropertyName("initialMargin")]
    [JsonRequired]
    public decimal InitialMargin { get; init; }

    /// <summary>Maintenance margin.</summary>
    [JsonPropertyName("maintMargin")]
    [JsonRequired]
    public decimal MaintMargin { get; init; }

    /// <summary>Last change.</summary>
    [JsonPropertyName("updateTime")]
    [JsonRequired]
    [JsonConverter(typeof(EpochMillisecondsJsonConverter))]
    public DateTimeOffset UpdateTime { get; init; }
}
