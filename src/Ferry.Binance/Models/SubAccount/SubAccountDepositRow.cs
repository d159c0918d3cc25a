using System.Text.Json.Serialization;

namespace Ferry.Binance.Models.SubAccount;

/// <summary>One row of GET /sapi/v1/capital/deposit/subHisrec (the answer is an array).</summary>
public sealed record SubAccountDepositRow
{
    /// <summary>Binance's deposit id (a digit string).</summary>
    [JsonPropertyName("id")]
    [JsonRequired]
    public string Id { get; init; } = "";

    /// <summary>The amount.</summary>
    [JsonPropertyName("amount")]
    [JsonRequired]
    public decimal Amount { get; init; }

    /// <summary>The coin.</summary>
    [JsonPropertyName("coin")]
    [JsonRequired]
    public string Coin { get; init; } = "";

    /// <summary>The network.</summary>
    [JsonPropertyName("network")]
    public string Network { get; init; } = "";

    /// <summary>0 pending, 1 success, 6 credited but cannot withdraw, 7 wrong deposit, 8 waiting user confirm.</summary>
    [JsonPropertyName("status")]
    [JsonRequired]
    public int Status { get; init; }

    /// <summary>The deposit address.</summary>
    [JsonPropertyName("address")]
    public string Address { get; init; } = "";

    /// <summary>The address tag ("" when none).</summary>
    [JsonPropertyName("addressTag")]
    public string AddressTag { get; init; } = "";

    /// <summary>The chain transaction id.</summary>
    [JsonPropertyName("txId")]
    public string TxId { get; init; } = "";

    /// <summary>When Binance saw it (UTC).</summary>
    [JsonPropertyName("insertTime")]
    [JsonRequired]
    [JsonConverter(typeof(EpochMillisecondsJsonConverter))]
    public DateTimeOffset InsertTime { get; init; }

    /// <summary>0 external, 1 internal transfer.</summary>
    [JsonPropertyName("transferType")]
    public int TransferType { get; init; }

    /// <summary>Confirmations, e.g. "1/1".</summary>
    [JsonPropertyName("confirmTimes")]
    public string ConfirmTimes { get; init; } = "";

    /// <summary>Confirmations needed to unlock.</summary>
    [JsonPropertyName("unlockConfirm")]
    public int UnlockConfirm { get; init; }

    /// <summary>0 spot wallet, 1 funding wallet.</summary>
    [JsonPropertyName("walletType")]
    public int WalletType { get; init; }
}
