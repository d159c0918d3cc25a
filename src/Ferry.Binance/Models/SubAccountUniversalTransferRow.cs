using System.Text.Json.Serialization;

namespace Ferry.Binance.Models;

/// <summary>One row of GET sub-account/universalTransfer.</summary>
public sealed record SubAccountUniversalTransferRow
{
    /// <summary>The transfer id, as the POST returned it.</summary>
    [JsonPropertyName("tranId")]
    [JsonRequired]
    public long TranId { get; init; }

    /// <summary>The source account's email.</summary>
    [JsonPropertyName("fromEmail")]
    [JsonRequired]
    public string FromEmail { get; init; } = "";

    /// <summary>The target account's email.</summary>
    [JsonPropertyName("toEmail")]
    [JsonRequired]
    public string ToEmail { get; init; } = "";

    /// <summary>The asset moved.</summary>
    [JsonPropertyName("asset")]
    [JsonRequired]
    public string Asset { get; init; } = "";

    /// <summary>The amount moved.</summary>
    [JsonPropertyName("amount")]
    [JsonRequired]
    public decimal Amount { get; init; }

    /// <summary>When the transfer was made (UTC).</summary>
    [JsonPropertyName("createTimeStamp")]
    [JsonRequired]
    [JsonConverter(typeof(EpochMillisecondsJsonConverter))]
    public DateTimeOffset CreateTimeStamp { get; init; }

    /// <summary>SPOT, USDT_FUTURE, COIN_FUTURE, MARGIN or ISOLATED_MARGIN.</summary>
    [JsonPropertyName("fromAccountType")]
    [JsonRequired]
    public string FromAccountType { get; init; } = "";

    /// <summary>SPOT, USDT_FUTURE, COIN_FUTURE, MARGIN or ISOLATED_MARGIN.</summary>
    [JsonPropertyName("toAccountType")]
    [JsonRequired]
    public string ToAccountType { get; init; } = "";

    /// <summary>"SUCCESS" and so on, as sent.</summary>
    [JsonPropertyName("status")]
    [JsonRequired]
    public string Status { get; init; } = "";

    /// <summary>The caller's id given with the POST ("" or absent when none).</summary>
    [JsonPropertyName("clientTranId")]
    public string? ClientTranId { get; init; }
}
