using System.Text.Json.Serialization;

namespace Ferry.Binance.Models;

/// <summary>The answer to POST virtualSubAccount: the new sub-account's e-mail.</summary>
public sealed record VirtualSubAccountResult
{
    /// <summary>The virtual e-mail Binance created, e.g. "addsdd_virtual@aasaixwqnoemail.com".</summary>
    [JsonPropertyName("email")]
    [JsonRequired]
    public string Email { get; init; } = "";
}

/// <summary>One page of GET /sapi/v1/sub-account/list.</summary>
public sealed record SubAccountListPage
{
    /// <summary>The sub-accounts of this page.</summary>
    [JsonPropertyName("subAccounts")]
    [JsonRequired]
    public IReadOnlyList<SubAccountListRow> SubAccounts { get; init; } = [];
}

/// <summary>One sub-account in the list.</summary>
public sealed record SubAccountListRow
{
    /// <summary>Binance's numeric sub-user id.</summary>
    [JsonPropertyName("subUserId")]
    public long SubUserId { get; init; }

    /// <summary>The sub-account's e-mail.</summary>
    [JsonPropertyName("email")]
    [JsonRequired]
    public string Email { get; init; } = "";

    /// <summary>The master's remark ("" when none).</summary>
    [JsonPropertyName("remark")]
    public string? Remark { get; init; }

    /// <summary>Whether the sub-account is frozen.</summary>
    [JsonPropertyName("isFreeze")]
    [JsonRequired]
    public bool IsFreeze { get; init; }

    /// <summary>When it was created (UTC).</summary>
    [JsonPropertyName("createTime")]
    [JsonRequired]
    [JsonConverter(typeof(EpochMillisecondsJsonConverter))]
    public DateTimeOffset CreateTime { get; init; }

    /// <summary>Whether it is a managed sub-account.</summary>
    [JsonPropertyName("isManagedSubAccount")]
    public bool IsManagedSubAccount { get; init; }

    /// <summary>Whether it is an asset-management sub-account.</summary>
    [JsonPropertyName("isAssetManagementSubAccount")]
    public bool IsAssetManagementSubAccount { get; init; }
}

/// <summary>One row of GET /sapi/v1/sub-account/status (the answer is an array).</summary>
public sealed record SubAccountStatusRow
{
    /// <summary>The sub-account's e-mail.</summary>
    [JsonPropertyName("email")]
    [JsonRequired]
    public string Email { get; init; } = "";

    /// <summary>Whether the sub-account is enabled (not frozen).</summary>
    [JsonPropertyName("isSubUserEnabled")]
    public bool IsSubUserEnabled { get; init; }

    /// <summary>Whether the user is active.</summary>
    [JsonPropertyName("isUserActive")]
    public bool IsUserActive { get; init; }

    /// <summary>When it was created (UTC).</summary>
    [JsonPropertyName("insertTime")]
    [JsonConverter(typeof(EpochMillisecondsJsonConverter))]
    public DateTimeOffset InsertTime { get; init; }

    /// <summary>Whether margin is enabled.</summary>
    [JsonPropertyName("isMarginEnabled")]
    [JsonRequired]
    public bool IsMarginEnabled { get; init; }

    /// <summary>Whether futures are enabled.</summary>
    [JsonPropertyName("isFutureEnabled")]
    [JsonRequired]
    public bool IsFutureEnabled { get; init; }

    /// <summary>The mobile number Binance has on file, as a number (0 when none).</summary>
    [JsonPropertyName("mobile")]
    public long Mobile { get; init; }
}

/// <summary>The answer to POST futures/enable.</summary>
public sealed record FuturesEnableResult
{
    /// <summary>The sub-account's e-mail.</summary>
    [JsonPropertyName("email")]
    [JsonRequired]
    public string Email { get; init; } = "";

    /// <summary>True once futures are enabled.</summary>
    [JsonPropertyName("isFuturesEnabled")]
    [JsonRequired]
    public bool IsFuturesEnabled { get; init; }
}

/// <summary>The answer to POST eoptions/enable.</summary>
public sealed record OptionsEnableResult
{
    /// <summary>The sub-account's e-mail.</summary>
    [JsonPropertyName("email")]
    [JsonRequired]
    public string Email { get; init; } = "";

    /// <summary>True once options are enabled.</summary>
    [JsonPropertyName("isEOptionsEnabled")]
    [JsonRequired]
    public bool IsEOptionsEnabled { get; init; }
}

/// <summary>GET transaction-statistics: 30-day totals (decimal strings) and per-day rows (numbers).</summary>
public sealed record SubAccountTransactionStatistics
{
    /// <summary>30-day BTC-valued volume.</summary>
    [JsonPropertyName("recent30BtcTotal")]
    [JsonRequired]
    public decimal Recent30BtcTotal { get; init; }

    /// <summary>30-day BTC-valued futures volume.</summary>
    [JsonPropertyName("recent30BtcFuturesTotal")]
    public decimal Recent30BtcFuturesTotal { get; init; }

    /// <summary>30-day BTC-valued margin volume.</summary>
    [JsonPropertyName("recent30BtcMarginTotal")]
    public decimal Recent30BtcMarginTotal { get; init; }

    /// <summary>30-day BUSD-valued volume.</summary>
    [JsonPropertyName("recent30BusdTotal")]
    public decimal Recent30BusdTotal { get; init; }

    /// <summary>30-day BUSD-valued futures volume.</summary>
    [JsonPropertyName("recent30BusdFuturesTotal")]
    public decimal Recent30BusdFuturesTotal { get; init; }

    /// <summary>30-day BUSD-valued margin volume.</summary>
    [JsonPropertyName("recent30BusdMarginTotal")]
    public decimal Recent30BusdMarginTotal { get; init; }

    /// <summary>Per-day rows.</summary>
    [JsonPropertyName("tradeInfoVos")]
    public IReadOnlyList<SubAccountTradeInfo> TradeInfoVos { get; init; } = [];
}

/// <summary>One day of transaction statistics (numbers, not strings, in the docs).</summary>
public sealed record SubAccountTradeInfo
{
    /// <summary>The user id.</summary>
    [JsonPropertyName("userId")]
    public long UserId { get; init; }

    /// <summary>BTC-valued volume.</summary>
    [JsonPropertyName("btc")]
    public decimal Btc { get; init; }

    /// <summary>BTC-valued futures volume.</summary>
    [JsonPropertyName("btcFutures")]
    public decimal BtcFutures { get; init; }

    /// <summary>BTC-valued margin volume.</summary>
    [JsonPropertyName("btcMargin")]
    public decimal BtcMargin { get; init; }

    /// <summary>BUSD-valued volume.</summary>
    [JsonPropertyName("busd")]
    public decimal Busd { get; init; }

    /// <summary>BUSD-valued futures volume.</summary>
    [JsonPropertyName("busdFutures")]
    public decimal BusdFutures { get; init; }

    /// <summary>BUSD-valued margin volume.</summary>
    [JsonPropertyName("busdMargin")]
    public decimal BusdMargin { get; init; }

    /// <summary>The day (UTC).</summary>
    [JsonPropertyName("date")]
    [JsonConverter(typeof(EpochMillisecondsJsonConverter))]
    public DateTimeOffset Date { get; init; }
}
