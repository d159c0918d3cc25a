using System.Text.Json.Serialization;

namespace Ferry.Binance.Models;

/// <summary>One row of GET /sapi/v1/margin/transfer.</summary>
public sealed record MarginTransferRow
{
    /// <summary>The amount moved.</summary>
    [JsonPropertyName("amount")]
    [JsonRequired]
    public decimal Amount { get; init; }

    /// <summary>The asset moved.</summary>
    [JsonPropertyName("asset")]
    [JsonRequired]
    public string Asset { get; init; } = "";

    /// <summary>"CONFIRMED" and so on, as sent.</summary>
    [JsonPropertyName("status")]
    [JsonRequired]
    public string Status { get; init; } = "";

    /// <summary>When the transfer was made (UTC, from epoch milliseconds as sent).</summary>
    [JsonPropertyName("timestamp")]
    [JsonRequired]
    [JsonConverter(typeof(EpochMillisecondsJsonConverter))]
    public DateTimeOffset Timestamp { get; init; }

    /// <summary>The transfer id.</summary>
    [JsonPropertyName("txId")]
    [JsonRequired]
    public long TxId { get; init; }

    /// <summary>"ROLL_IN" (into margin) or "ROLL_OUT".</summary>
    [JsonPropertyName("type")]
    [JsonRequired]
    public string Type { get; init; } = "";

    /// <summary>The source wallet, e.g. "SPOT", "ISOLATED_MARGIN" (absent on older rows).</summary>
    [JsonPropertyName("transFrom")]
    public string? TransFrom { get; init; }

    /// <summary>The target wallet (absent on older rows).</summary>
    [JsonPropertyName("transTo")]
    public string? TransTo { get; init; }

    /// <summary>The isolated symbol of the source, when it is isolated margin.</summary>
    [JsonPropertyName("fromSymbol")]
    public string? FromSymbol { get; init; }

    /// <summary>The isolated symbol of the target, when it is isolated margin.</summary>
    [JsonPropertyName("toSymbol")]
    public string? ToSymbol { get; init; }
}
