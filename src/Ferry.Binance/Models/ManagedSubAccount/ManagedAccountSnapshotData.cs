using System.Text.Json.Serialization;

namespace Ferry.Binance.Models.ManagedSubAccount;

/// <summary>The data of a snapshot: spot (balances, totalAssetOfBtc), margin (marginLevel, BTC totals, userAssets) or
/// futures (assets, position). The docs' example merges all three; every field is optional.</summary>
public sealed record ManagedAccountSnapshotData
{
    /// <summary>Spot balances.</summary>
    [JsonPropertyName("balances")]
    public IReadOnlyList<ManagedSnapshotBalance> Balances { get; init; } = [];

    /// <summary>Total assets in BTC (spot and margin).</summary>
    [JsonPropertyName("totalAssetOfBtc")]
    public decimal TotalAssetOfBtc { get; init; }

    /// <summary>Margin level.</summary>
    [JsonPropertyName("marginLevel")]
    public decimal MarginLevel { get; init; }

    /// <summary>Margin liabilities in BTC.</summary>
    [JsonPropertyName("totalLiabilityOfBtc")]
    public decimal TotalLiabilityOfBtc { get; init; }

    /// <summary>Margin net assets in BTC.</summary>
    [JsonPropertyName("totalNetAssetOfBtc")]
    public decimal TotalNetAssetOfBtc { get; init; }

    /// <summary>Margin assets.</summary>
    [JsonPropertyName("userAssets")]
    public IReadOnlyList<ManagedMarginUserAsset> UserAssets { get; init; } = [];

    /// <summary>Futures assets.</summary>
    [JsonPropertyName("assets")]
    public IReadOnlyList<ManagedFuturesAssetLine> Assets { get; init; } = [];

    /// <summary>Futures positions.</summary>
    [JsonPropertyName("position")]
    public IReadOnlyList<ManagedFuturesPosition> Position { get; init; } = [];
}
