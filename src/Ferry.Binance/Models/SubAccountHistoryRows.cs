using System.Text.Json.Serialization;

namespace Ferry.Binance.Models;

/// <summary>The answer of GET sub-account/futures/internalTransfer: <c>{"success":true,"futuresType":n,"transfers":[...]}</c>.</summary>
public sealed record SubAccountFuturesInternalTransferPage
{
    /// <summary>True when the query succeeded.</summary>
    [JsonPropertyName("success")]
    [JsonRequired]
    public bool Success { get; init; }

    /// <summary>1 USDⓈ-M, 2 COIN-M.</summary>
    [JsonPropertyName("futuresType")]
    public int FuturesType { get; init; }

    /// <summary>The transfers of this page (empty when none).</summary>
    [JsonPropertyName("transfers")]
    public IReadOnlyList<SubAccountFuturesInternalTransferRow> Transfers
    {
        get => _transfers ?? [];
        init => _transfers = value;
    }

    private readonly IReadOnlyList<SubAccountFuturesInternalTransferRow>? _transfers;
}

/// <summary>One futures internal transfer.</summary>
public sealed record SubAccountFuturesInternalTransferRow
{
    /// <summary>The source account's email.</summary>
    [JsonPropertyName("from")]
    [JsonRequired]
    public string From { get; init; } = "";

    /// <summary>The target account's email.</summary>
    [JsonPropertyName("to")]
    [JsonRequired]
    public string To { get; init; } = "";

    /// <summary>The asset moved.</summary>
    [JsonPropertyName("asset")]
    [JsonRequired]
    public string Asset { get; init; } = "";

    /// <summary>The amount moved.</summary>
    [JsonPropertyName("qty")]
    [JsonRequired]
    public decimal Qty { get; init; }

    /// <summary>The transfer id (the POST's txnId, here a number).</summary>
    [JsonPropertyName("tranId")]
    [JsonRequired]
    public long TranId { get; init; }

    /// <summary>When the transfer was made (UTC).</summary>
    [JsonPropertyName("time")]
    [JsonRequired]
    [JsonConverter(typeof(EpochMillisecondsJsonConverter))]
    public DateTimeOffset Time { get; init; }
}

/// <summary>One row of GET sub-account/sub/transfer/history (the answer is a JSON array of these).</summary>
public sealed record SubAccountSpotTransferRow
{
    /// <summary>The source account's email.</summary>
    [JsonPropertyName("from")]
    [JsonRequired]
    public string From { get; init; } = "";

    /// <summary>The target account's email.</summary>
    [JsonPropertyName("to")]
    [JsonRequired]
    public string To { get; init; } = "";

    /// <summary>The asset moved.</summary>
    [JsonPropertyName("asset")]
    [JsonRequired]
    public string Asset { get; init; } = "";

    /// <summary>The amount moved.</summary>
    [JsonPropertyName("qty")]
    [JsonRequired]
    public decimal Qty { get; init; }

    /// <summary>"SUCCESS" and so on, as sent.</summary>
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
