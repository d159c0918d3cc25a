using System.Text.Json.Serialization;

namespace Ferry.Binance.Models;

/// <summary>The answer of the legacy sub-account transfers (margin, futures, subToMaster, subToSub): <c>{"txnId":"..."}</c>.</summary>
public sealed record SubAccountTransferResult
{
    /// <summary>The transfer id as sent: a <b>string</b> of digits on these endpoints (the histories show it as a number).</summary>
    [JsonPropertyName("txnId")]
    [JsonRequired]
    [JsonConverter(typeof(IdTextJsonConverter))]
    public string TxnId { get; init; } = "";
}
