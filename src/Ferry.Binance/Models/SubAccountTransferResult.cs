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

/// <summary>The answer of POST sub-account/universalTransfer: <c>{"tranId":n,"clientTranId":"..."}</c>.</summary>
public sealed record SubAccountUniversalTransferResult
{
    /// <summary>The transfer id (a JSON <b>number</b> on this endpoint).</summary>
    [JsonPropertyName("tranId")]
    [JsonRequired]
    public long TranId { get; init; }

    /// <summary>The caller's id echoed back ("" or absent when none was sent).</summary>
    [JsonPropertyName("clientTranId")]
    public string? ClientTranId { get; init; }
}
