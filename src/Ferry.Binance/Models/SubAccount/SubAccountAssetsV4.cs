using System.Text.Json.Serialization;

namespace Ferry.Binance.Models.SubAccount;

/// <summary>GET /sapi/v4/sub-account/assets: the sub-account's spot balances (strings).</summary>
public sealed record SubAccountAssetsV4
{
    /// <summary>One row per asset.</summary>
    [JsonPropertyName("balances")]
    [JsonRequired]
    public IReadOnlyList<SubAccountAssetV4> Balances { get; init; } = [];
}
