using System.Text.Json.Serialization;

namespace Ferry.Binance.Models.Balances;

/// <summary>One position of GET /dapi/v1/account.</summary>
public sealed record CoinFuturesPosition
{
    /// <summary>The contract, e.g. BTCUSD_201225.</summary>
    [JsonPropertyName("symbol")]
    [JsonRequired]
    public string Symbol { get; init; } = "";

    /// <summary>Position size in contracts.</summary>
    [JsonPropertyName("positionAmt")]
    [JsonRequired]
    public decimal PositionAmt { get; init; }

    /// <summary>Initial margin.</summary>
    [JsonPropertyName("initialMargin")]
    [JsonRequired]
    public decimal InitialMargin { get; init; }

    /// <summary>Maintenance margin.</summary>
    [JsonPropertyName("maintMargin")]
    [JsonRequired]
    public decimal MaintMargin { get; init; }

    /// <summary>Unrealized profit.</summary>
    [JsonPropertyName("unrealizedProfit")]
    [JsonRequired]
    public decimal UnrealizedProfit { get; init; }

    /// <summary>Initial margin of the position.</summary>
    [JsonPropertyName("positionInitialMargin")]
    [JsonRequired]
    public decimal PositionInitialMargin { get; init; }

    /// <summary>Initial margin of open orders.</summary>
    [JsonPropertyName("openOrderInitialMargin")]
    [JsonRequired]
    public decimal OpenOrderInitialMargin { get; init; }

    /// <summary>Leverage.</summary>
    [JsonPropertyName("leverage")]
    [JsonRequired]
    public decimal Leverage { get; init; }

    /// <summary>Isolated margin.</summary>
    [JsonPropertyName("isolated")]
    public bool Isolated { get; init; }

    /// <summary>BOTH, LONG or SHORT.</summary>
    [JsonPropertyName("positionSide")]
    public string? PositionSide { get; init; }

    /// <summary>Entry price.</summary>
    [JsonPropertyName("entryPrice")]
    public decimal? EntryPrice { get; init; }

    /// <summary>Break-even price.</summary>
    [JsonPropertyName("breakEvenPrice")]
    public decimal? BreakEvenPrice { get; init; }

    /// <summary>Largest size at the current leverage.</summary>
    [JsonPropertyName("maxQty")]
    public decimal? MaxQty { get; init; }

    /// <summary>Notional value in the coin.</summary>
    [JsonPropertyName("notionalValue")]
    public decimal? NotionalValue { get; init; }

    /// <summary>Isolated wallet (seen only in the WebSocket example).</summary>
    [JsonPropertyName("isolatedWallet")]
    public decimal? IsolatedWallet { get; init; }

    /// <summary>Last change.</summary>
    [JsonPropertyName("updateTime")]
    [JsonRequired]
    [JsonConverter(typeof(EpochMillisecondsJsonConverter))]
    public DateTimeOffset UpdateTime { get; init; }
}
