using System.Text.Json.Serialization;

namespace Ferry.Binance.Models.SubAccount;

/// <summary>One row of GET /sapi/v1/sub-account/status (the answer is an array).</summary>
public sealed record SubAccountStatusRow
{
    /// <summary>The sub-account's e-mail.</summary>
    [JsonPropertyName("email")]
    [JsonRequired]
    public string Email { get; init; } = "";

    /// <summary>Whether the sub-account is enabled (not frozen).</summary>
    [JsonPropertyName("isSubUserEnabled")]
    public bool IsSubUserEnabled { get; init; }

    /// <summary>Whether the user is active.</summary>
    [JsonPropertyName("isUserActive")]
    public bool IsUserActive { get; init; }

    /// <summary>When it was created (UTC).</summary>
    [JsonPropertyName("insertTime")]
    [JsonConverter(typeof(EpochMillisecondsJsonConverter))]
    public DateTimeOffset InsertTime { get; init; }

    /// <summary>Whether margin is enabled.</summary>
    [JsonPropertyName("isMarginEnabled")]
    [JsonRequired]
    public bool IsMarginEnabled { get; init; }

    /// <summary>Whether futures are enabled.</summary>
    [JsonPropertyName("isFutureEnabled")]
    [JsonRequired]
    public bool IsFutureEnabled { get; init; }

    /// <summary>The mobile number Binance has on file, as a number (0 when none).</summary>
    [JsonPropertyName("mobile")]
    public long Mobile { get; init; }
}
