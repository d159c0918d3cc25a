using System.Text.Json.Serialization;

namespace Ferry.Binance.Models.ManagedSubAccount;

/// <summary>The data of a fetch-future-asset entry (amounts are JSON numbers in the docs; strings are accepted).</summary>
public sealed record ManagedFuturesAssetData
{
    /// <summary>Per margin asset.</summary>
    [JsonPropertyName("assets")]
    public IReadOnlyList<ManagedFuturesAssetLine> Assets { get; init; } = [];

    /// <summary>Open positions.</summary>
    [JsonPropertyName("position")]
    public IReadOnlyList<ManagedFuturesPosition> Position { get; init; } = [];
}
