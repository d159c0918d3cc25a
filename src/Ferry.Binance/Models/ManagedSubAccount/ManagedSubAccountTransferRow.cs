using System.Text.Json.Serialization;

namespace Ferry.Binance.Models.ManagedSubAccount;

/// <summary>One deposit into or withdrawal from a managed sub-account.</summary>
public sealed record ManagedSubAccountTransferRow
{
    /// <summary>Source account.</summary>
    [JsonPropertyName("fromEmail")]
    [JsonRequired]
    public string FromEmail { get; init; } = "";

    /// <summary>Source account type, e.g. SPOT.</summary>
    [JsonPropertyName("fromAccountType")]
    public string FromAccountType { get; init; } = "";

    /// <summary>Target account.</summary>
    [JsonPropertyName("toEmail")]
    [JsonRequired]
    public string ToEmail { get; init; } = "";

    /// <summary>Target account type.</summary>
    [JsonPropertyName("toAccountType")]
    public string ToAccountType { get; init; } = "";

    /// <summary>The asset.</summary>
    [JsonPropertyName("asset")]
    [JsonRequired]
    public string Asset { get; init; } = "";

    /// <summary>The amount.</summary>
    [JsonPropertyName("amount")]
    [JsonRequired]
    public decimal Amount { get; init; }

    /// <summary>The scheduled date (the transferDate of a scheduled withdrawal; else the creation time). Binance spells it
    /// <c>scheduledData</c>.</summary>
    [JsonPropertyName("scheduledData")]
    [JsonConverter(typeof(EpochMillisecondsJsonConverter))]
    public DateTimeOffset ScheduledData { get; init; }

    /// <summary>When it happened.</summary>
    [JsonPropertyName("createTime")]
    [JsonConverter(typeof(EpochMillisecondsJsonConverter))]
    public DateTimeOffset CreateTime { get; init; }

    /// <summary>e.g. SUCCESS.</summary>
    [JsonPropertyName("status")]
    public string Status { get; init; } = "";

    /// <summary>The transfer id.</summary>
    [JsonPropertyName("tranId")]
    [JsonRequired]
    public long TranId { get; init; }
}
