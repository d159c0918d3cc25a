using System.Text.Json.Serialization;

namespace Ferry.Binance.Models.ManagedSubAccount;

/// <summary>One spot balance of a snapshot.</summary>
public sealed record ManagedSnapshotBalance
{
    /// <summary>The asset.</summary>
    [JsonPropertyName("asset")]
    [JsonRequired]
    public string Asset { get; init; } = "";

    /// <summary>Free.</summary>
    [JsonPropertyName("free")]
    public decimal Free { get; init; }

    /// <summary>Locked.</summary>
    [JsonPropertyName("locked")]
    public decimal Locked { get; init; }
}
