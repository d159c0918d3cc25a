using System.Text.Json.Serialization;

namespace Ferry.Binance.Models;

/// <summary>The answer to POST /sapi/v1/asset/transfer: the exchange's transfer id.</summary>
public sealed record UniversalTransferResult
{
    /// <summary>The transfer id (<c>tranId</c>), the key for finding the move in history.</summary>
    [JsonPropertyName("tranId")]
    [JsonRequired]
    public long TranId { get; init; }
}
