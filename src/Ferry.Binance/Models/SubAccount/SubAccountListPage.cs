using System.Text.Json.Serialization;

namespace Ferry.Binance.Models.SubAccount;

/// <summary>One page of GET /sapi/v1/sub-account/list.</summary>
public sealed record SubAccountListPage
{
    /// <summary>The sub-accounts of this page.</summary>
    [JsonPropertyName("subAccounts")]
    [JsonRequired]
    public IReadOnlyList<SubAccountListRow> SubAccounts { get; init; } = [];
}
