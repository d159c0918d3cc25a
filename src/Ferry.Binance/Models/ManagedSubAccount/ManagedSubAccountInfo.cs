using System.Text.Json.Serialization;

namespace Ferry.Binance.Models.ManagedSubAccount;

/// <summary>One managed sub-account.</summary>
public sealed record ManagedSubAccountInfo
{
    /// <summary>The investor master's user id.</summary>
    [JsonPropertyName("rootUserId")]
    public long RootUserId { get; init; }

    /// <summary>The managed sub-account's user id.</summary>
    [JsonPropertyName("managersubUserId")]
    public long ManagersubUserId { get; init; }

    /// <summary>The trading team master's user id.</summary>
    [JsonPropertyName("bindParentUserId")]
    public long BindParentUserId { get; init; }

    /// <summary>The managed sub-account's e-mail.</summary>
    [JsonPropertyName("email")]
    [JsonRequired]
    public string Email { get; init; } = "";

    /// <summary>When it was created (UTC).</summary>
    [JsonPropertyName("insertTimeStamp")]
    [JsonConverter(typeof(EpochMillisecondsJsonConverter))]
    public DateTimeOffset InsertTimeStamp { get; init; }

    /// <summary>The trading team master's e-mail.</summary>
    [JsonPropertyName("bindParentEmail")]
    public string BindParentEmail { get; init; } = "";

    /// <summary>Enabled.</summary>
    [JsonPropertyName("isSubUserEnabled")]
    public bool IsSubUserEnabled { get; init; }

    /// <summary>Active.</summary>
    [JsonPropertyName("isUserActive")]
    public bool IsUserActive { get; init; }

    /// <summary>Margin enabled.</summary>
    [JsonPropertyName("isMarginEnabled")]
    public bool IsMarginEnabled { get; init; }

    /// <summary>Futures enabled.</summary>
    [JsonPropertyName("isFutureEnabled")]
    public bool IsFutureEnabled { get; init; }

    /// <summary>Signed the leveraged-token risk agreement.</summary>
    [JsonPropertyName("isSignedLVTRiskAgreement")]
    public bool IsSignedLvtRiskAgreement { get; init; }
}
