using System.Text.Json.Serialization;

namespace Ferry.Binance.Models;

/// <summary>The answer of POST sub-account/futures/internalTransfer: <c>{"success":true,"txnId":"..."}</c>.</summary>
public sealed record SubAccountFuturesInternalTransferResult
{
    /// <summary>True when the transfer was made.</summary>
    [JsonPropertyName("success")]
    [JsonRequired]
    public bool Success { get; init; }

    /// <summary>The transfer id (a string of digits).</summary>
    [JsonPropertyName("txnId")]
    [JsonRequired]
    [JsonConverter(typeof(IdTextJsonConverter))]
    public string TxnId { get; init; } = "";
}
