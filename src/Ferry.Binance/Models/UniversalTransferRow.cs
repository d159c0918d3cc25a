using System.Text.Json.Serialization;

namespace Ferry.Binance.Models;

/// <summary>One row of GET /sapi/v1/asset/transfer.</summary>
public sealed record UniversalTransferRow
{
    /// <summary>The asset moved, e.g. "USDT".</summary>
    [JsonPropertyName("asset")]
    [JsonRequired]
    public string Asset { get; init; } = "";

    /// <summary>The amount moved.</summary>
    [JsonPropertyName("amount")]
    [JsonRequired]
    public decimal Amount { get; init; }

    /// <summary>The transfer type's wire name, e.g. "MAIN_UMFUTURE" (see <see cref="Wallet.UniversalTransferTypes.TryParse"/>).</summary>
    [JsonPropertyName("type")]
    [JsonRequired]
    public string Type { get; init; } = "";

    /// <summary>"CONFIRMED", "FAILED" or "PENDING".</summary>
    [JsonPropertyName("status")]
    [JsonRequired]
    public string Status { get; init; } = "";

    /// <summary>The transfer id, as returned by the POST.</summary>
    [JsonPropertyName("tranId")]
    [JsonRequired]
    public long TranId { get; init; }

    /// <summary>When the transfer was made (UTC, from epoch milliseconds).</summary>
    [JsonPropertyName("timestamp")]
    [JsonRequired]
    [JsonConverter(typeof(EpochMillisecondsJsonConverter))]
    public DateTimeOffset Timestamp { get; init; }
}
