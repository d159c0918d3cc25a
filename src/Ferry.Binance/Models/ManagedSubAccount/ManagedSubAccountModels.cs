using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ferry.Binance.Models;

/// <summary>
/// The <c>code</c> of the managed sub-account envelopes, read as text: the docs show it as the STRING "200" in
/// fetch-future-asset and as the NUMBER 200 in accountSnapshot; both forms are accepted on both endpoints.
/// </summary>
public sealed class StatusCodeTextJsonConverter : JsonConverter<string>
{
    /// <inheritdoc />
    public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString() ?? "",
        JsonTokenType.Number when reader.TryGetInt64(out var n) => n.ToString(CultureInfo.InvariantCulture),
        _ => throw new JsonException("code must be a JSON string or whole number."),
    };

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}

/// <summary>POST /sapi/v1/managed-subaccount/deposit and /withdraw: <c>{"tranId": n}</c>.</summary>
public sealed record ManagedSubAccountTransferResult
{
    /// <summary>The transfer id (also the id a scheduled withdrawal runs under).</summary>
    [JsonPropertyName("tranId")]
    [JsonRequired]
    public long TranId { get; init; }
}

/// <summary>GET /sapi/v1/managed-subaccount/deposit/address.</summary>
public sealed record ManagedSubAccountDepositAddress
{
    /// <summary>The coin.</summary>
    [JsonPropertyName("coin")]
    [JsonRequired]
    public string Coin { get; init; } = "";

    /// <summary>The address.</summary>
    [JsonPropertyName("address")]
    [JsonRequired]
    public string Address { get; init; } = "";

    /// <summary>The memo/tag ("" when the network has none).</summary>
    [JsonPropertyName("tag")]
    public string Tag { get; init; } = "";

    /// <summary>A block-explorer link ("" when none).</summary>
    [JsonPropertyName("url")]
    public string Url { get; init; } = "";
}

/// <summary>One row of GET /sapi/v1/managed-subaccount/asset (the answer is an array; amounts are strings).</summary>
public sealed record ManagedSubAccountAsset
{
    /// <summary>The coin.</summary>
    [JsonPropertyName("coin")]
    [JsonRequired]
    public string Coin { get; init; } = "";

    /// <summary>The coin's name, e.g. "Injective Protocol".</summary>
    [JsonPropertyName("name")]
    public string Name { get; init; } = "";

    /// <summary>Total.</summary>
    [JsonPropertyName("totalBalance")]
    [JsonRequired]
    public decimal TotalBalance { get; init; }

    /// <summary>Available.</summary>
    [JsonPropertyName("availableBalance")]
    [JsonRequired]
    public decimal AvailableBalance { get; init; }

    /// <summary>Locked in open orders.</summary>
    [JsonPropertyName("inOrder")]
    public decimal InOrder { get; init; }

    /// <summary>Value in BTC.</summary>
    [JsonPropertyName("btcValue")]
    public decimal BtcValue { get; init; }
}

/// <summary>GET /sapi/v1/managed-subaccount/fetch-future-asset: <c>{"code": "200", "message": "OK", "snapshotVos": [...]}</c>.</summary>
public sealed record ManagedSubAccountFuturesAssets
{
    /// <summary>"200" (a string in the docs; a number is accepted too).</summary>
    [JsonPropertyName("code")]
    [JsonConverter(typeof(StatusCodeTextJsonConverter))]
    public string Code { get; init; } = "";

    /// <summary>"OK".</summary>
    [JsonPropertyName("message")]
    public string Message { get; init; } = "";

    /// <summary>One entry of type FUTURES.</summary>
    [JsonPropertyName("snapshotVos")]
    [JsonRequired]
    public IReadOnlyList<ManagedFuturesAssetSnapshot> SnapshotVos { get; init; } = [];
}

/// <summary>One entry of fetch-future-asset.</summary>
public sealed record ManagedFuturesAssetSnapshot
{
    /// <summary>"FUTURES".</summary>
    [JsonPropertyName("type")]
    public string Type { get; init; } = "";

    /// <summary>When the figures were taken (UTC).</summary>
    [JsonPropertyName("updateTime")]
    [JsonConverter(typeof(EpochMillisecondsJsonConverter))]
    public DateTimeOffset UpdateTime { get; init; }

    /// <summary>Assets and positions.</summary>
    [JsonPropertyName("data")]
    [JsonRequired]
    public ManagedFuturesAssetData Data { get; init; } = new();
}

/// <summary>The data of a fetch-future-asset entry (amounts are JSON numbers in the docs; strings are accepted).</summary>
public sealed record ManagedFuturesAssetData
{
    /// <summary>Per margin asset.</summary>
    [JsonPropertyName("assets")]
    public IReadOnlyList<ManagedFuturesAssetLine> Assets { get; init; } = [];

    /// <summary>Open positions.</summary>
    [JsonPropertyName("position")]
    public IReadOnlyList<ManagedFuturesPosition> Position { get; init; } = [];
}

/// <summary>One margin asset of a futures account.</summary>
public sealed record ManagedFuturesAssetLine
{
    /// <summary>The asset.</summary>
    [JsonPropertyName("asset")]
    [JsonRequired]
    public string Asset { get; init; } = "";

    /// <summary>Wallet balance plus unrealized profit.</summary>
    [JsonPropertyName("marginBalance")]
    public decimal MarginBalance { get; init; }

    /// <summary>Wallet balance.</summary>
    [JsonPropertyName("walletBalance")]
    public decimal WalletBalance { get; init; }
}

/// <summary>One futures position (fetch-future-asset; accountSnapshot adds unRealizedProfit).</summary>
public sealed record ManagedFuturesPosition
{
    /// <summary>The symbol.</summary>
    [JsonPropertyName("symbol")]
    [JsonRequired]
    public string Symbol { get; init; } = "";

    /// <summary>Average entry price.</summary>
    [JsonPropertyName("entryPrice")]
    public decimal EntryPrice { get; init; }

    /// <summary>Mark price.</summary>
    [JsonPropertyName("markPrice")]
    public decimal MarkPrice { get; init; }

    /// <summary>Signed quantity (negative: short).</summary>
    [JsonPropertyName("positionAmt")]
    public decimal PositionAmt { get; init; }

    /// <summary>Unrealized profit (accountSnapshot only; 0 when absent).</summary>
    [JsonPropertyName("unRealizedProfit")]
    public decimal UnRealizedProfit { get; init; }
}

/// <summary>GET /sapi/v1/managed-subaccount/info: one page of the investor's managed sub-accounts.</summary>
public sealed record ManagedSubAccountListPage
{
    /// <summary>How many managed sub-accounts match (all pages).</summary>
    [JsonPropertyName("total")]
    [JsonRequired]
    public int Total { get; init; }

    /// <summary>This page.</summary>
    [JsonPropertyName("managerSubUserInfoVoList")]
    public IReadOnlyList<ManagedSubAccountInfo> ManagerSubUserInfoVoList { get; init; } = [];
}

/// <summary>One managed sub-account.</summary>
public sealed record ManagedSubAccountInfo
{
    /// <summary>The investor master's user id.</summary>
    [JsonPropertyName("rootUserId")]
    public long RootUserId { get; init; }

    /// <summary>The managed sub-account's user id.</summary>
    [JsonPropertyName("managersubUserId")]
    public long ManagersubUserId { get; init; }

    /// <summary>The trading team master's user id.</summary>
    [JsonPropertyName("bindParentUserId")]
    public long BindParentUserId { get; init; }

    /// <summary>The managed sub-account's e-mail.</summary>
    [JsonPropertyName("email")]
    [JsonRequired]
    public string Email { get; init; } = "";

    /// <summary>When it was created (UTC).</summary>
    [JsonPropertyName("insertTimeStamp")]
    [JsonConverter(typeof(EpochMillisecondsJsonConverter))]
    public DateTimeOffset InsertTimeStamp { get; init; }

    /// <summary>The trading team master's e-mail.</summary>
    [JsonPropertyName("bindParentEmail")]
    public string BindParentEmail { get; init; } = "";

    /// <summary>Enabled.</summary>
    [JsonPropertyName("isSubUserEnabled")]
    public bool IsSubUserEnabled { get; init; }

    /// <summary>Active.</summary>
    [JsonPropertyName("isUserActive")]
    public bool IsUserActive { get; init; }

    /// <summary>Margin enabled.</summary>
    [JsonPropertyName("isMarginEnabled")]
    public bool IsMarginEnabled { get; init; }

    /// <summary>Futures enabled.</summary>
    [JsonPropertyName("isFutureEnabled")]
    public bool IsFutureEnabled { get; init; }

    /// <summary>Signed the leveraged-token risk agreement.</summary>
    [JsonPropertyName("isSignedLVTRiskAgreement")]
    public bool IsSignedLvtRiskAgreement { get; init; }
}

/// <summary>GET /sapi/v1/managed-subaccount/marginAsset (strings).</summary>
public sealed record ManagedSubAccountMarginAssets
{
    /// <summary>Margin level ("999" with no debt).</summary>
    [JsonPropertyName("marginLevel")]
    public decimal MarginLevel { get; init; }

    /// <summary>Total assets in BTC.</summary>
    [JsonPropertyName("totalAssetOfBtc")]
    public decimal TotalAssetOfBtc { get; init; }

    /// <summary>Total liabilities in BTC.</summary>
    [JsonPropertyName("totalLiabilityOfBtc")]
    public decimal TotalLiabilityOfBtc { get; init; }

    /// <summary>Net assets in BTC.</summary>
    [JsonPropertyName("totalNetAssetOfBtc")]
    public decimal TotalNetAssetOfBtc { get; init; }

    /// <summary>Per asset.</summary>
    [JsonPropertyName("userAssets")]
    [JsonRequired]
    public IReadOnlyList<ManagedMarginUserAsset> UserAssets { get; init; } = [];
}

/// <summary>One asset of a margin account.</summary>
public sealed record ManagedMarginUserAsset
{
    /// <summary>The asset.</summary>
    [JsonPropertyName("asset")]
    [JsonRequired]
    public string Asset { get; init; } = "";

    /// <summary>Borrowed.</summary>
    [JsonPropertyName("borrowed")]
    public decimal Borrowed { get; init; }

    /// <summary>Free.</summary>
    [JsonPropertyName("free")]
    public decimal Free { get; init; }

    /// <summary>Interest owed.</summary>
    [JsonPropertyName("interest")]
    public decimal Interest { get; init; }

    /// <summary>Locked.</summary>
    [JsonPropertyName("locked")]
    public decimal Locked { get; init; }

    /// <summary>Net asset.</summary>
    [JsonPropertyName("netAsset")]
    public decimal NetAsset { get; init; }
}

/// <summary>GET /sapi/v1/managed-subaccount/accountSnapshot: <c>{"code": 200, "msg": "", "snapshotVos": [...]}</c>.</summary>
public sealed record ManagedSubAccountSnapshotPage
{
    /// <summary>"200" (a number in the docs; a string is accepted too).</summary>
    [JsonPropertyName("code")]
    [JsonConverter(typeof(StatusCodeTextJsonConverter))]
    public string Code { get; init; } = "";

    /// <summary>"" on success.</summary>
    [JsonPropertyName("msg")]
    public string Msg { get; init; } = "";

    /// <summary>Daily snapshots.</summary>
    [JsonPropertyName("snapshotVos")]
    [JsonRequired]
    public IReadOnlyList<ManagedAccountSnapshot> SnapshotVos { get; init; } = [];
}

/// <summary>One daily snapshot.</summary>
public sealed record ManagedAccountSnapshot
{
    /// <summary>"spot", "margin" or "futures".</summary>
    [JsonPropertyName("type")]
    [JsonRequired]
    public string Type { get; init; } = "";

    /// <summary>When it was taken (UTC; the end of a day).</summary>
    [JsonPropertyName("updateTime")]
    [JsonRequired]
    [JsonConverter(typeof(EpochMillisecondsJsonConverter))]
    public DateTimeOffset UpdateTime { get; init; }

    /// <summary>The figures; which fields are present depends on <see cref="Type"/>.</summary>
    [JsonPropertyName("data")]
    [JsonRequired]
    public ManagedAccountSnapshotData Data { get; init; } = new();
}

/// <summary>The data of a snapshot: spot (balances, totalAssetOfBtc), margin (marginLevel, BTC totals, userAssets) or
/// futures (assets, position). The docs' example merges all three; every field is optional.</summary>
public sealed record ManagedAccountSnapshotData
{
    /// <summary>Spot balances.</summary>
    [JsonPropertyName("balances")]
    public IReadOnlyList<ManagedSnapshotBalance> Balances { get; init; } = [];

    /// <summary>Total assets in BTC (spot and margin).</summary>
    [JsonPropertyName("totalAssetOfBtc")]
    public decimal TotalAssetOfBtc { get; init; }

    /// <summary>Margin level.</summary>
    [JsonPropertyName("marginLevel")]
    public decimal MarginLevel { get; init; }

    /// <summary>Margin liabilities in BTC.</summary>
    [JsonPropertyName("totalLiabilityOfBtc")]
    public decimal TotalLiabilityOfBtc { get; init; }

    /// <summary>Margin net assets in BTC.</summary>
    [JsonPropertyName("totalNetAssetOfBtc")]
    public decimal TotalNetAssetOfBtc { get; init; }

    /// <summary>Margin assets.</summary>
    [JsonPropertyName("userAssets")]
    public IReadOnlyList<ManagedMarginUserAsset> UserAssets { get; init; } = [];

    /// <summary>Futures assets.</summary>
    [JsonPropertyName("assets")]
    public IReadOnlyList<ManagedFuturesAssetLine> Assets { get; init; } = [];

    /// <summary>Futures positions.</summary>
    [JsonPropertyName("position")]
    public IReadOnlyList<ManagedFuturesPosition> Position { get; init; } = [];
}

/// <summary>One spot balance of a snapshot.</summary>
public sealed record ManagedSnapshotBalance
{
    /// <summary>The asset.</summary>
    [JsonPropertyName("asset")]
    [JsonRequired]
    public string Asset { get; init; } = "";

    /// <summary>Free.</summary>
    [JsonPropertyName("free")]
    public decimal Free { get; init; }

    /// <summary>Locked.</summary>
    [JsonPropertyName("locked")]
    public decimal Locked { get; init; }
}

/// <summary>The three transfer logs (investor, trading-team master, trading-team sub-account): one page and the count.</summary>
public sealed record ManagedSubAccountTransferLog
{
    /// <summary>This page.</summary>
    [JsonPropertyName("managerSubTransferHistoryVos")]
    public IReadOnlyList<ManagedSubAccountTransferRow> ManagerSubTransferHistoryVos { get; init; } = [];

    /// <summary>How many rows match (all pages).</summary>
    [JsonPropertyName("count")]
    [JsonRequired]
    public int Count { get; init; }
}

/// <summary>One deposit into or withdrawal from a managed sub-account.</summary>
public sealed record ManagedSubAccountTransferRow
{
    /// <summary>Source account.</summary>
    [JsonPropertyName("fromEmail")]
    [JsonRequired]
    public string FromEmail { get; init; } = "";

    /// <summary>Source account type, e.g. SPOT.</summary>
    [JsonPropertyName("fromAccountType")]
    public string FromAccountType { get; init; } = "";

    /// <summary>Target account.</summary>
    [JsonPropertyName("toEmail")]
    [JsonRequired]
    public string ToEmail { get; init; } = "";

    /// <summary>Target account type.</summary>
    [JsonPropertyName("toAccountType")]
    public string ToAccountType { get; init; } = "";

    /// <summary>The asset.</summary>
    [JsonPropertyName("asset")]
    [JsonRequired]
    public string Asset { get; init; } = "";

    /// <summary>The amount.</summary>
    [JsonPropertyName("amount")]
    [JsonRequired]
    public decimal Amount { get; init; }

    /// <summary>The scheduled date (the transferDate of a scheduled withdrawal; else the creation time). Binance spells it
    /// <c>scheduledData</c>.</summary>
    [JsonPropertyName("scheduledData")]
    [JsonConverter(typeof(EpochMillisecondsJsonConverter))]
    public DateTimeOffset ScheduledData { get; init; }

    /// <summary>When it happened.</summary>
    [JsonPropertyName("createTime")]
    [JsonConverter(typeof(EpochMillisecondsJsonConverter))]
    public DateTimeOffset CreateTime { get; init; }

    /// <summary>e.g. SUCCESS.</summary>
    [JsonPropertyName("status")]
    public string Status { get; init; } = "";

    /// <summary>The transfer id.</summary>
    [JsonPropertyName("tranId")]
    [JsonRequired]
    public long TranId { get; init; }
}
