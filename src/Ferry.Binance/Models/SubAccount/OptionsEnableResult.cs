using System.Text.Json.Serialization;

namespace Ferry.Binance.Models.SubAccount;

/// <summary>The answer to POST eoptions/enable.</summary>
public sealed record OptionsEnableResult
{
    /// <summary>The sub-account's e-mail.</summary>
    [JsonPropertyName("email")]
    [JsonRequired]
    public string Email { get; init; } = "";

    /// <summary>True once options are enabled.</summary>
    [JsonPropertyName("isEOptionsEnabled")]
    [JsonRequired]
    public bool IsEOptionsEnabled { get; init; }
}
