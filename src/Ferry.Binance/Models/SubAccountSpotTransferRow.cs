using System.Text.Json.Serialization;

namespace Ferry.Binance.Models;

/// <summary>One row of GET sub-account/sub/transfer/history (the answer is a JSON array of these).</summary>
public sealed record SubAccountSpotTransferRow
{
    /// <summary>The source account's email.</summary>
    [JsonPropertyName("from")]
    [JsonRequired]
    public string From { get; init; } = "";

    /// <summary>The target account's email.</summary>
    [JsonPropertyName("to")]
    [JsonRequired]
    public string To { get; init; } = "";

    /// <summary>The asset moved.</summary>
    [JsonPropertyName("asset")]
    [JsonRequired]
    public string Asset { get; init; } = "";

    /// <summary>The amount moved.</summary>
    [JsonPropertyName("qty")]
    [JsonRequired]
    public decimal Qty { get; init; }

    /// <summary>"SUCCESS" and so on, as sent.</summary>
    [JsonPropertyName("status")]
    [JsonRequired]
    public string Status { get; init; } = "";

    /// <summary>The transfer id.</summary>
    [JsonPropertyName("tranId")]
    [JsonRequired]
    public long TranId { get; init; }

    /// <summary>When the transfer was made (UTC).</summary>
    [JsonPropertyName("time")]
    [JsonRequired]
    [JsonConverter(typeof(EpochMillisecondsJsonConverter))]
    public DateTimeOffset Time { get; init; }
}
