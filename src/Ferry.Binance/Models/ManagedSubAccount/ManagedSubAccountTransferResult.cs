using System.Text.Json.Serialization;

namespace Ferry.Binance.Models.ManagedSubAccount;

/// <summary>POST /sapi/v1/managed-subaccount/deposit and /withdraw: <c>{"tranId": n}</c>.</summary>
public sealed record ManagedSubAccountTransferResult
{
    /// <summary>The transfer id (also the id a scheduled withdrawal runs under).</summary>
    [JsonPropertyName("tranId")]
    [JsonRequired]
    public long TranId { get; init; }
}
