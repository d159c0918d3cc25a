using System.Text.Json.Serialization;

namespace Ferry.Binance.Models.ManagedSubAccount;

/// <summary>One row of GET /sapi/v1/managed-subaccount/asset (the answer is an array; amounts are strings).</summary>
public sealed record ManagedSubAccountAsset
{
    /// <summary>The coin.</summary>
    [JsonPropertyName("coin")]
    [JsonRequired]
    public string Coin { get; init; } = "";

    /// <summary>The coin's name, e.g. "Injective Protocol".</summary>
    [JsonPropertyName("name")]
    public string Name { get; init; } = "";

    /// <summary>Total.</summary>
    [JsonPropertyName("totalBalance")]
    [JsonRequired]
    public decimal TotalBalance { get; init; }

    /// <summary>Available.</summary>
    [JsonPropertyName("availableBalance")]
    [JsonRequired]
    public decimal AvailableBalance { get; init; }

    /// <summary>Locked in open orders.</summary>
    [JsonPropertyName("inOrder")]
    public decimal InOrder { get; init; }

    /// <summary>Value in BTC.</summary>
    [JsonPropertyName("btcValue")]
    public decimal BtcValue { get; init; }
}
