using System.Text.Json.Serialization;

namespace Ferry.Binance.Models.SubAccount;

/// <summary>The answer to POST virtualSubAccount: the new sub-account's e-mail.</summary>
public sealed record VirtualSubAccountResult
{
    /// <summary>The virtual e-mail Binance created, e.g. "addsdd_virtual@aasaixwqnoemail.com".</summary>
    [JsonPropertyName("email")]
    [JsonRequired]
    public string Email { get; init; } = "";
}
