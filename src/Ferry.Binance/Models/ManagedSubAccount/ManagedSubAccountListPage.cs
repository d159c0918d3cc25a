using System.Text.Json.Serialization;

namespace Ferry.Binance.Models.ManagedSubAccount;

/// <summary>GET /sapi/v1/managed-subaccount/info: one page of the investor's managed sub-accounts.</summary>
public sealed record ManagedSubAccountListPage
{
    /// <summary>How many managed sub-accounts match (all pages).</summary>
    [JsonPropertyName("total")]
    [JsonRequired]
    public int Total { get; init; }

    /// <summary>This page.</summary>
    [JsonPropertyName("managerSubUserInfoVoList")]
    public IReadOnlyList<ManagedSubAccountInfo> ManagerSubUserInfoVoList { get; init; } = [];
}
