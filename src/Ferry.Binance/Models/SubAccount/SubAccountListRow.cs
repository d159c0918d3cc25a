using System.Text.Json.Serialization;

namespace Ferry.Binance.Models.SubAccount;

/// <summary>One sub-account in the list.</summary>
public sealed record SubAccountListRow
{
    /// <summary>Binance's numeric sub-user id.</summary>
    [JsonPropertyName("subUserId")]
    public long SubUserId { get; init; }

    /// <summary>The sub-account's e-mail.</summary>
    [JsonPropertyName("email")]
    [JsonRequired]
    public string Email { get; init; } = "";

    /// <summary>The master's remark ("" when none).</summary>
    [JsonPropertyName("remark")]
    public string? Remark { get; init; }

    /// <summary>Whether the sub-account is frozen.</summary>
    [JsonPropertyName("isFreeze")]
    [JsonRequired]
    public bool IsFreeze { get; init; }

    /// <summary>When it was created (UTC).</summary>
    [JsonPropertyName("createTime")]
    [JsonRequired]
    [JsonConverter(typeof(EpochMillisecondsJsonConverter))]
    public DateTimeOffset CreateTime { get; init; }

    /// <summary>Whether it is a managed sub-account.</summary>
    [JsonPropertyName("isManagedSubAccount")]
    public bool IsManagedSubAccount { get; init; }

    /// <summary>Whether it is an asset-management sub-account.</summary>
    [JsonPropertyName("isAssetManagementSubAccount")]
    public bool IsAssetManagementSubAccount { get; init; }
}
