using System.Text.Json.Serialization;

namespace Ferry.Binance.Models.ManagedSubAccount;

/// <summary>GET /sapi/v1/managed-subaccount/deposit/address.</summary>
public sealed record ManagedSubAccountDepositAddress
{
    /// <summary>The coin.</summary>
    [JsonPropertyName("coin")]
    [JsonRequired]
    public string Coin { get; init; } = "";

    /// <summary>The address.</summary>
    [JsonPropertyName("address")]
    [JsonRequired]
    public string Address { get; init; } = "";

    /// <summary>The memo/tag ("" when the network has none).</summary>
    [JsonPropertyName("tag")]
    public string Tag { get; init; } = "";

    /// <summary>A block-explorer link ("" when none).</summary>
    [JsonPropertyName("url")]
    public string Url { get; init; } = "";
}
