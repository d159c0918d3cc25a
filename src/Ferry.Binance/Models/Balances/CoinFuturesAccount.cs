using System.Text.Json.Serialization;

namespace Ferry.Binance.Models.Balances;

/// <summary>GET /dapi/v1/account: COIN-M assets and positions (reference §5b.4).</summary>
public sealed record CoinFuturesAccount
{
    /// <summary>One row per coin.</summary>
    [JsonPropertyName("assets")]
    [JsonRequired]
    public IReadOnlyList<FuturesAccountAsset> Assets { get; init; } = [];

    /// <summary>Positions.</summary>
    [JsonPropertyName("positions")]
    public IReadOnlyList<CoinFuturesPosition> Positions { get; init; } = [];

    /// <summary>Deposits allowed.</summary>
    [JsonPropertyName("canDeposit")]
    public bool CanDeposit { get; init; }

    /// <summary>Trading allowed.</summary>
    [JsonPropertyName("canTrade")]
    public bool CanTrade { get; init; }

    /// <summary>Withdrawals allowed.</summary>
    [JsonPropertyName("canWithdraw")]
    public bool CanWithdraw { get; init; }

    /// <summary>Fee tier.</summary>
    [JsonPropertyName("feeTier")]
    public int FeeTier { get; init; }

    /// <summary>Reserved (0 in the docs).</summary>
    [JsonPropertyName("updateTime")]
    [JsonConverter(typeof(EpochMillisecondsJsonConverter))]
    public DateTimeOffset UpdateTime { get; init; }
}
