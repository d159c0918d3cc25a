using System.Text.Json.Serialization;

namespace Ferry.Binance.Models.SubAccount;

/// <summary>The answer to POST futures/enable.</summary>
public sealed record FuturesEnableResult
{
    /// <summary>The sub-account's e-mail.</summary>
    [JsonPropertyName("email")]
    [JsonRequired]
    public string Email { get; init; } = "";

    /// <summary>True once futures are enabled.</summary>
    [JsonPropertyName("isFuturesEnabled")]
    [JsonRequired]
    public bool IsFuturesEnabled { get; init; }
}
