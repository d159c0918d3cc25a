using System.Text.Json.Serialization;

namespace Ferry.Binance.Models.Balances;

/// <summary>One asset of a wallet in GET /sapi/v1/asset/wallet/balance with needBalanceDetail=true.</summary>
public sealed record WalletOverviewAsset
{
    /// <summary>The asset.</summary>
    [JsonPropertyName("asset")]
    [JsonRequired]
    public string Asset { get; init; } = "";

    /// <summary>The asset's full name, e.g. TetherUS.</summary>
    [JsonPropertyName("assetName")]
    public string? AssetName { get; init; }

    /// <summary>Available.</summary>
    [JsonPropertyName("free")]
    [JsonRequired]
    public decimal Free { get; init; }

    /// <summary>Locked.</summary>
    [JsonPropertyName("locked")]
    [JsonRequired]
    public decimal Locked { get; init; }

    /// <summary>Frozen.</summary>
    [JsonPropertyName("freeze")]
    [JsonRequired]
    public decimal Freeze { get; init; }

    /// <summary>Being withdrawn.</summary>
    [JsonPropertyName("withdrawing")]
    [JsonRequired]
    public decimal Withdrawing { get; init; }

    /// <summary>Valued in BTC.</summary>
    [JsonPropertyName("btcValuation")]
    public decimal? BtcValuation { get; init; }
}
