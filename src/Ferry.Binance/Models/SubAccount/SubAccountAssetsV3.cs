using System.Text.Json.Serialization;

namespace Ferry.Binance.Models.SubAccount;

/// <summary>GET /sapi/v3/sub-account/assets: the sub-account's spot balances (numbers).</summary>
public sealed record SubAccountAssetsV3
{
    /// <summary>One row per asset.</summary>
    [JsonPropertyName("balances")]
    [JsonRequired]
    public IReadOnlyList<SubAccountAssetV3> Balances { get; init; } = [];
}
