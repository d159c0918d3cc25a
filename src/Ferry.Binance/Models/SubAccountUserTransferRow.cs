using System.Text.Json.Serialization;

namespace Ferry.Binance.Models;

/// <summary>One row of GET sub-account/transfer/subUserHistory, the sub-account's own view (a JSON array of these).</summary>
public sealed record SubAccountUserTransferRow
{
    /// <summary>"master" or "subAccount": who the other side is.</summary>
    [JsonPropertyName("counterParty")]
    [JsonRequired]
    public string CounterParty { get; init; } = "";

    /// <summary>The other side's email.</summary>
    [JsonPropertyName("email")]
    [JsonRequired]
    public string Email { get; init; } = "";

    /// <summary>1 transfer in, 2 transfer out.</summary>
    [JsonPropertyName("type")]
    [JsonRequired]
    public int Type { get; init; }

    /// <summary>The asset moved.</summary>
    [JsonPropertyName("asset")]
    [JsonRequired]
    public string Asset { get; init; } = "";

    /// <summary>The amount moved.</summary>
    [JsonPropertyName("qty")]
    [JsonRequired]
    public decimal Qty { get; init; }

    /// <summary>The source wallet type, e.g. SPOT.</summary>
    [JsonPropertyName("fromAccountType")]
    public string? FromAccountType { get; init; }

    /// <summary>The target wallet type, e.g. USDT_FUTURE.</summary>
    [JsonPropertyName("toAccountType")]
    public string? ToAccountType { get; init; }

    /// <summary>"PROCESS", "SUCCESS" or "FAILURE".</summary>
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
