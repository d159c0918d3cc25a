using System.Text.Json.Serialization;

namespace Ferry.Binance.Models;

/// <summary>One futures internal transfer.</summary>
public sealed record SubAccountFuturesInternalTransferRow
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

    /// <summary>The transfer id (the POST's txnId, here a number).</summary>
    [JsonPropertyName("tranId")]
    [JsonRequired]
    public long TranId { get; init; }

    /// <summary>When the transfer was made (UTC).</summary>
    [JsonPropertyName("time")]
    [JsonRequired]
    [JsonConverter(typeof(EpochMillisecondsJsonConverter))]
    public DateTimeOffset Time { get; init; }
}
