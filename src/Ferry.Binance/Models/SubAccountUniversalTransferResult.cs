using System.Text.Json.Serialization;

namespace Ferry.Binance.Models;

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
