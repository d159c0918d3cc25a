using System.Text.Json.Serialization;

namespace Ferry.Htx.Models;

/// <summary>One row of GET /v2/account/ledger: an amount change of the spot account.</summary>
public sealed record HtxLedgerRow
{
    /// <summary>The spot account id.</summary>
    [JsonPropertyName("accountId")]
    [JsonRequired]
    public long AccountId { get; init; }

    /// <summary>Lower-case currency, e.g. "usdt".</summary>
    [JsonPropertyName("currency")]
    [JsonRequired]
    public string Currency { get; init; } = "";

    /// <summary>The change: positive into the spot account, negative out of it.</summary>
    [JsonPropertyName("transactAmt")]
    [JsonRequired]
    public decimal TransactAmt { get; init; }

    /// <summary>"transfer" (the only type of the endpoint's first phase).</summary>
    [JsonPropertyName("transactType")]
    [JsonRequired]
    public string TransactType { get; init; } = "";

    /// <summary>e.g. "spot-to-linear-swap", "linear-swap-to-spot", "margin-transfer-in".</summary>
    [JsonPropertyName("transferType")]
    public string? TransferType { get; init; }

    /// <summary>The transaction id.</summary>
    [JsonPropertyName("transactId")]
    [JsonRequired]
    public long TransactId { get; init; }

    /// <summary>When the change happened (UTC, from epoch milliseconds).</summary>
    [JsonPropertyName("transactTime")]
    [JsonRequired]
    [JsonConverter(typeof(HtxEpochMillisecondsJsonConverter))]
    public DateTimeOffset TransactTime { get; init; }

    /// <summary>The account id money left.</summary>
    [JsonPropertyName("transferer")]
    public long? Transferer { get; init; }

    /// <summary>The account id money went to.</summary>
    [JsonPropertyName("transferee")]
    public long? Transferee { get; init; }
}
