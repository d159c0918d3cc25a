using System.Text.Json.Serialization;

namespace Ferry.Binance.Models;

/// <summary>GET /sapi/v3/sub-account/assets: the sub-account's spot balances (numbers).</summary>
public sealed record SubAccountAssetsV3
{
    /// <summary>One row per asset.</summary>
    [JsonPropertyName("balances")]
    [JsonRequired]
    public IReadOnlyList<SubAccountAssetV3> Balances { get; init; } = [];
}

/// <summary>One balance of GET /sapi/v3/sub-account/assets (amounts are JSON numbers).</summary>
/// <remarks>
/// Its amounts keep a converter of their own: the context's <see cref="WireDecimalJsonConverter"/> takes a string or a
/// number and writes a string, while v3's documented shape is a number only, read and written.
/// </remarks>
public sealed record SubAccountAssetV3
{
    /// <summary>The asset.</summary>
    [JsonPropertyName("asset")]
    [JsonRequired]
    public string Asset { get; init; } = "";

    /// <summary>Available.</summary>
    [JsonPropertyName("free")]
    [JsonRequired]
    [JsonConverter(typeof(JsonNumberDecimalConverter))]
    public decimal Free { get; init; }

    /// <summary>Locked in orders.</summary>
    [JsonPropertyName("locked")]
    [JsonRequired]
    [JsonConverter(typeof(JsonNumberDecimalConverter))]
    public decimal Locked { get; init; }

    /// <summary>Frozen.</summary>
    [JsonPropertyName("freeze")]
    [JsonRequired]
    [JsonConverter(typeof(JsonNumberDecimalConverter))]
    public decimal Freeze { get; init; }

    /// <summary>Being withdrawn.</summary>
    [JsonPropertyName("withdrawing")]
    [JsonRequired]
    [JsonConverter(typeof(JsonNumberDecimalConverter))]
    public decimal Withdrawing { get; init; }
}

/// <summary>GET /sapi/v4/sub-account/assets: the sub-account's spot balances (strings).</summary>
public sealed record SubAccountAssetsV4
{
    /// <summary>One row per asset.</summary>
    [JsonPropertyName("balances")]
    [JsonRequired]
    public IReadOnlyList<SubAccountAssetV4> Balances { get; init; } = [];
}

/// <summary>One balance of GET /sapi/v4/sub-account/assets (amounts are JSON strings).</summary>
/// <remarks>Its amounts keep a converter of their own: v4's documented shape is a string only, where the context's also takes a number.</remarks>
public sealed record SubAccountAssetV4
{
    /// <summary>The asset.</summary>
    [JsonPropertyName("asset")]
    [JsonRequired]
    public string Asset { get; init; } = "";

    /// <summary>Available.</summary>
    [JsonPropertyName("free")]
    [JsonRequired]
    [JsonConverter(typeof(JsonStringDecimalConverter))]
    public decimal Free { get; init; }

    /// <summary>Locked in orders.</summary>
    [JsonPropertyName("locked")]
    [JsonRequired]
    [JsonConverter(typeof(JsonStringDecimalConverter))]
    public decimal Locked { get; init; }

    /// <summary>Frozen.</summary>
    [JsonPropertyName("freeze")]
    [JsonRequired]
    [JsonConverter(typeof(JsonStringDecimalConverter))]
    public decimal Freeze { get; init; }

    /// <summary>Being withdrawn.</summary>
    [JsonPropertyName("withdrawing")]
    [JsonRequired]
    [JsonConverter(typeof(JsonStringDecimalConverter))]
    public decimal Withdrawing { get; init; }
}

/// <summary>GET /sapi/v1/sub-account/spotSummary: BTC value of the master's and each sub-account's spot wallet.</summary>
public sealed record SubAccountSpotSummary
{
    /// <summary>How many sub-accounts match over all pages.</summary>
    [JsonPropertyName("totalCount")]
    [JsonRequired]
    public int TotalCount { get; init; }

    /// <summary>The master's spot wallet in BTC.</summary>
    [JsonPropertyName("masterAccountTotalAsset")]
    [JsonRequired]
    public decimal MasterAccountTotalAsset { get; init; }

    /// <summary>This page's sub-accounts.</summary>
    [JsonPropertyName("spotSubUserAssetBtcVoList")]
    [JsonRequired]
    public IReadOnlyList<SubAccountSpotSummaryRow> SpotSubUserAssetBtcVoList { get; init; } = [];
}

/// <summary>One sub-account of the spot summary.</summary>
public sealed record SubAccountSpotSummaryRow
{
    /// <summary>The sub-account.</summary>
    [JsonPropertyName("email")]
    [JsonRequired]
    public string Email { get; init; } = "";

    /// <summary>Its spot wallet in BTC.</summary>
    [JsonPropertyName("totalAsset")]
    [JsonRequired]
    public decimal TotalAsset { get; init; }
}

/// <summary>GET /sapi/v1/sub-account/margin/account: a sub-account's cross-margin account.</summary>
public sealed record SubAccountMarginAccount
{
    /// <summary>The sub-account.</summary>
    [JsonPropertyName("email")]
    [JsonRequired]
    public string Email { get; init; } = "";

    /// <summary>Margin level.</summary>
    [JsonPropertyName("marginLevel")]
    [JsonRequired]
    public decimal MarginLevel { get; init; }

    /// <summary>Assets in BTC.</summary>
    [JsonPropertyName("totalAssetOfBtc")]
    [JsonRequired]
    public decimal TotalAssetOfBtc { get; init; }

    /// <summary>Liabilities in BTC.</summary>
    [JsonPropertyName("totalLiabilityOfBtc")]
    [JsonRequired]
    public decimal TotalLiabilityOfBtc { get; init; }

    /// <summary>Net assets in BTC.</summary>
    [JsonPropertyName("totalNetAssetOfBtc")]
    [JsonRequired]
    public decimal TotalNetAssetOfBtc { get; init; }

    /// <summary>Liquidation, margin-call and normal bars.</summary>
    [JsonPropertyName("marginTradeCoeffVo")]
    public SubAccountMarginTradeCoeff? MarginTradeCoeffVo { get; init; }

    /// <summary>One row per asset.</summary>
    [JsonPropertyName("marginUserAssetVoList")]
    [JsonRequired]
    public IReadOnlyList<SubAccountMarginAsset> MarginUserAssetVoList { get; init; } = [];
}

/// <summary>The margin ratios of a margin account.</summary>
public sealed record SubAccountMarginTradeCoeff
{
    /// <summary>Liquidation bar.</summary>
    [JsonPropertyName("forceLiquidationBar")]
    public decimal ForceLiquidationBar { get; init; }

    /// <summary>Margin-call bar.</summary>
    [JsonPropertyName("marginCallBar")]
    public decimal MarginCallBar { get; init; }

    /// <summary>Normal bar.</summary>
    [JsonPropertyName("normalBar")]
    public decimal NormalBar { get; init; }
}

/// <summary>One asset of a margin account.</summary>
public sealed record SubAccountMarginAsset
{
    /// <summary>The asset.</summary>
    [JsonPropertyName("asset")]
    [JsonRequired]
    public string Asset { get; init; } = "";

    /// <summary>Borrowed.</summary>
    [JsonPropertyName("borrowed")]
    [JsonRequired]
    public decimal Borrowed { get; init; }

    /// <summary>Available.</summary>
    [JsonPropertyName("free")]
    [JsonRequired]
    public decimal Free { get; init; }

    /// <summary>Interest owed.</summary>
    [JsonPropertyName("interest")]
    [JsonRequired]
    public decimal Interest { get; init; }

    /// <summary>Locked.</summary>
    [JsonPropertyName("locked")]
    [JsonRequired]
    public decimal Locked { get; init; }

    /// <summary>Net.</summary>
    [JsonPropertyName("netAsset")]
    [JsonRequired]
    public decimal NetAsset { get; init; }
}

/// <summary>GET /sapi/v1/sub-account/margin/accountSummary: every sub-account's margin account in BTC.</summary>
public sealed record SubAccountMarginSummary
{
    /// <summary>Assets in BTC.</summary>
    [JsonPropertyName("totalAssetOfBtc")]
    [JsonRequired]
    public decimal TotalAssetOfBtc { get; init; }

    /// <summary>Liabilities in BTC.</summary>
    [JsonPropertyName("totalLiabilityOfBtc")]
    [JsonRequired]
    public decimal TotalLiabilityOfBtc { get; init; }

    /// <summary>Net assets in BTC.</summary>
    [JsonPropertyName("totalNetAssetOfBtc")]
    [JsonRequired]
    public decimal TotalNetAssetOfBtc { get; init; }

    /// <summary>One row per sub-account with margin.</summary>
    [JsonPropertyName("subAccountList")]
    [JsonRequired]
    public IReadOnlyList<SubAccountMarginSummaryRow> SubAccountList { get; init; } = [];
}

/// <summary>One sub-account of the margin summary.</summary>
public sealed record SubAccountMarginSummaryRow
{
    /// <summary>The sub-account.</summary>
    [JsonPropertyName("email")]
    [JsonRequired]
    public string Email { get; init; } = "";

    /// <summary>Assets in BTC.</summary>
    [JsonPropertyName("totalAssetOfBtc")]
    [JsonRequired]
    public decimal TotalAssetOfBtc { get; init; }

    /// <summary>Liabilities in BTC.</summary>
    [JsonPropertyName("totalLiabilityOfBtc")]
    [JsonRequired]
    public decimal TotalLiabilityOfBtc { get; init; }

    /// <summary>Net assets in BTC.</summary>
    [JsonPropertyName("totalNetAssetOfBtc")]
    [JsonRequired]
    public decimal TotalNetAssetOfBtc { get; init; }
}

/// <summary>A sub-account's futures account: GET /sapi/v1/sub-account/futures/account (USDⓈ-M, with "asset"), and the body of v2's futureAccountResp (USDⓈ-M) or deliveryAccountResp (COIN-M, without maxWithdrawAmount and totals).</summary>
public sealed record SubAccountFuturesAccount
{
    /// <summary>The sub-account.</summary>
    [JsonPropertyName("email")]
    [JsonRequired]
    public string Email { get; init; } = "";

    /// <summary>"USDT" in v1; absent in v2.</summary>
    [JsonPropertyName("asset")]
    public string? Asset { get; init; }

    /// <summary>One row per margin asset.</summary>
    [JsonPropertyName("assets")]
    [JsonRequired]
    public IReadOnlyList<SubAccountFuturesAsset> Assets { get; init; } = [];

    /// <summary>Deposits allowed.</summary>
    [JsonPropertyName("canDeposit")]
    public bool CanDeposit { get; init; }

    /// <summary>Trading allowed.</summary>
    [JsonPropertyName("canTrade")]
    public bool CanTrade { get; init; }

    /// <summary>Withdrawals allowed.</summary>
    [JsonPropertyName("canWithdraw")]
    public bool CanWithdraw { get; init; }

    /// <summary>Fee tier.</summary>
    [JsonPropertyName("feeTier")]
    public int FeeTier { get; init; }

    /// <summary>What could be withdrawn (USDⓈ-M only).</summary>
    [JsonPropertyName("maxWithdrawAmount")]
    public decimal? MaxWithdrawAmount { get; init; }

    /// <summary>InitialMargin over the account (USDⓈ-M only).</summary>
    [JsonPropertyName("totalInitialMargin")]
    public decimal? TotalInitialMargin { get; init; }

    /// <summary>MaintenanceMargin over the account (USDⓈ-M only).</summary>
    [JsonPropertyName("totalMaintenanceMargin")]
    public decimal? TotalMaintenanceMargin { get; init; }

    /// <summary>MarginBalance over the account (USDⓈ-M only).</summary>
    [JsonPropertyName("totalMarginBalance")]
    public decimal? TotalMarginBalance { get; init; }

    /// <summary>OpenOrderInitialMargin over the account (USDⓈ-M only).</summary>
    [JsonPropertyName("totalOpenOrderInitialMargin")]
    public decimal? TotalOpenOrderInitialMargin { get; init; }

    /// <summary>PositionInitialMargin over the account (USDⓈ-M only).</summary>
    [JsonPropertyName("totalPositionInitialMargin")]
    public decimal? TotalPositionInitialMargin { get; init; }

    /// <summary>UnrealizedProfit over the account (USDⓈ-M only).</summary>
    [JsonPropertyName("totalUnrealizedProfit")]
    public decimal? TotalUnrealizedProfit { get; init; }

    /// <summary>WalletBalance over the account (USDⓈ-M only).</summary>
    [JsonPropertyName("totalWalletBalance")]
    public decimal? TotalWalletBalance { get; init; }

    /// <summary>When the figures were taken (UTC).</summary>
    [JsonPropertyName("updateTime")]
    [JsonRequired]
    [JsonConverter(typeof(EpochMillisecondsJsonConverter))]
    public DateTimeOffset UpdateTime { get; init; }
}

/// <summary>One margin asset of a futures account.</summary>
public sealed record SubAccountFuturesAsset
{
    /// <summary>The asset.</summary>
    [JsonPropertyName("asset")]
    [JsonRequired]
    public string Asset { get; init; } = "";

    /// <summary>initialMargin</summary>
    [JsonPropertyName("initialMargin")]
    [JsonRequired]
    public decimal InitialMargin { get; init; }

    /// <summary>maintenanceMargin</summary>
    [JsonPropertyName("maintenanceMargin")]
    [JsonRequired]
    public decimal MaintenanceMargin { get; init; }

    /// <summary>marginBalance</summary>
    [JsonPropertyName("marginBalance")]
    [JsonRequired]
    public decimal MarginBalance { get; init; }

    /// <summary>maxWithdrawAmount</summary>
    [JsonPropertyName("maxWithdrawAmount")]
    [JsonRequired]
    public decimal MaxWithdrawAmount { get; init; }

    /// <summary>openOrderInitialMargin</summary>
    [JsonPropertyName("openOrderInitialMargin")]
    [JsonRequired]
    public decimal OpenOrderInitialMargin { get; init; }

    /// <summary>positionInitialMargin</summary>
    [JsonPropertyName("positionInitialMargin")]
    [JsonRequired]
    public decimal PositionInitialMargin { get; init; }

    /// <summary>unrealizedProfit</summary>
    [JsonPropertyName("unrealizedProfit")]
    [JsonRequired]
    public decimal UnrealizedProfit { get; init; }

    /// <summary>walletBalance</summary>
    [JsonPropertyName("walletBalance")]
    [JsonRequired]
    public decimal WalletBalance { get; init; }
}

/// <summary>GET /sapi/v2/sub-account/futures/account: exactly one of the two keys, by futuresType.</summary>
public sealed record SubAccountFuturesAccountV2
{
    /// <summary>futuresType 1 (USDⓈ-M).</summary>
    [JsonPropertyName("futureAccountResp")]
    public SubAccountFuturesAccount? FutureAccountResp { get; init; }

    /// <summary>futuresType 2 (COIN-M).</summary>
    [JsonPropertyName("deliveryAccountResp")]
    public SubAccountFuturesAccount? DeliveryAccountResp { get; init; }
}

/// <summary>GET /sapi/v1/sub-account/futures/accountSummary, and v2's futureAccountSummaryResp: USDⓈ-M totals in USD.</summary>
public sealed record SubAccountFuturesSummary
{
    /// <summary>InitialMargin over every listed sub-account.</summary>
    [JsonPropertyName("totalInitialMargin")]
    [JsonRequired]
    public decimal TotalInitialMargin { get; init; }

    /// <summary>MaintenanceMargin over every listed sub-account.</summary>
    [JsonPropertyName("totalMaintenanceMargin")]
    [JsonRequired]
    public decimal TotalMaintenanceMargin { get; init; }

    /// <summary>MarginBalance over every listed sub-account.</summary>
    [JsonPropertyName("totalMarginBalance")]
    [JsonRequired]
    public decimal TotalMarginBalance { get; init; }

    /// <summary>OpenOrderInitialMargin over every listed sub-account.</summary>
    [JsonPropertyName("totalOpenOrderInitialMargin")]
    [JsonRequired]
    public decimal TotalOpenOrderInitialMargin { get; init; }

    /// <summary>PositionInitialMargin over every listed sub-account.</summary>
    [JsonPropertyName("totalPositionInitialMargin")]
    [JsonRequired]
    public decimal TotalPositionInitialMargin { get; init; }

    /// <summary>UnrealizedProfit over every listed sub-account.</summary>
    [JsonPropertyName("totalUnrealizedProfit")]
    [JsonRequired]
    public decimal TotalUnrealizedProfit { get; init; }

    /// <summary>WalletBalance over every listed sub-account.</summary>
    [JsonPropertyName("totalWalletBalance")]
    [JsonRequired]
    public decimal TotalWalletBalance { get; init; }

    /// <summary>"USD".</summary>
    [JsonPropertyName("asset")]
    [JsonRequired]
    public string Asset { get; init; } = "";

    /// <summary>This page's sub-accounts.</summary>
    [JsonPropertyName("subAccountList")]
    [JsonRequired]
    public IReadOnlyList<SubAccountFuturesSummaryRow> SubAccountList { get; init; } = [];
}

/// <summary>One sub-account of the USDⓈ-M summary.</summary>
public sealed record SubAccountFuturesSummaryRow
{
    /// <summary>The sub-account.</summary>
    [JsonPropertyName("email")]
    [JsonRequired]
    public string Email { get; init; } = "";

    /// <summary>TotalInitialMargin</summary>
    [JsonPropertyName("totalInitialMargin")]
    [JsonRequired]
    public decimal TotalInitialMargin { get; init; }

    /// <summary>TotalMaintenanceMargin</summary>
    [JsonPropertyName("totalMaintenanceMargin")]
    [JsonRequired]
    public decimal TotalMaintenanceMargin { get; init; }

    /// <summary>TotalMarginBalance</summary>
    [JsonPropertyName("totalMarginBalance")]
    [JsonRequired]
    public decimal TotalMarginBalance { get; init; }

    /// <summary>TotalOpenOrderInitialMargin</summary>
    [JsonPropertyName("totalOpenOrderInitialMargin")]
    [JsonRequired]
    public decimal TotalOpenOrderInitialMargin { get; init; }

    /// <summary>TotalPositionInitialMargin</summary>
    [JsonPropertyName("totalPositionInitialMargin")]
    [JsonRequired]
    public decimal TotalPositionInitialMargin { get; init; }

    /// <summary>TotalUnrealizedProfit</summary>
    [JsonPropertyName("totalUnrealizedProfit")]
    [JsonRequired]
    public decimal TotalUnrealizedProfit { get; init; }

    /// <summary>TotalWalletBalance</summary>
    [JsonPropertyName("totalWalletBalance")]
    [JsonRequired]
    public decimal TotalWalletBalance { get; init; }

    /// <summary>"USD".</summary>
    [JsonPropertyName("asset")]
    [JsonRequired]
    public string Asset { get; init; } = "";
}

/// <summary>v2's deliveryAccountSummaryResp: COIN-M totals in BTC.</summary>
public sealed record SubAccountCoinFuturesSummary
{
    /// <summary>Margin balance in BTC.</summary>
    [JsonPropertyName("totalMarginBalanceOfBTC")]
    [JsonRequired]
    public decimal TotalMarginBalanceOfBtc { get; init; }

    /// <summary>Unrealized profit in BTC.</summary>
    [JsonPropertyName("totalUnrealizedProfitOfBTC")]
    [JsonRequired]
    public decimal TotalUnrealizedProfitOfBtc { get; init; }

    /// <summary>Wallet balance in BTC.</summary>
    [JsonPropertyName("totalWalletBalanceOfBTC")]
    [JsonRequired]
    public decimal TotalWalletBalanceOfBtc { get; init; }

    /// <summary>"BTC".</summary>
    [JsonPropertyName("asset")]
    [JsonRequired]
    public string Asset { get; init; } = "";

    /// <summary>This page's sub-accounts.</summary>
    [JsonPropertyName("subAccountList")]
    [JsonRequired]
    public IReadOnlyList<SubAccountCoinFuturesSummaryRow> SubAccountList { get; init; } = [];
}

/// <summary>One sub-account of the COIN-M summary.</summary>
public sealed record SubAccountCoinFuturesSummaryRow
{
    /// <summary>The sub-account.</summary>
    [JsonPropertyName("email")]
    [JsonRequired]
    public string Email { get; init; } = "";

    /// <summary>Margin balance.</summary>
    [JsonPropertyName("totalMarginBalance")]
    [JsonRequired]
    public decimal TotalMarginBalance { get; init; }

    /// <summary>Unrealized profit.</summary>
    [JsonPropertyName("totalUnrealizedProfit")]
    [JsonRequired]
    public decimal TotalUnrealizedProfit { get; init; }

    /// <summary>Wallet balance.</summary>
    [JsonPropertyName("totalWalletBalance")]
    [JsonRequired]
    public decimal TotalWalletBalance { get; init; }

    /// <summary>The unit, e.g. "BTC".</summary>
    [JsonPropertyName("asset")]
    [JsonRequired]
    public string Asset { get; init; } = "";
}

/// <summary>GET /sapi/v2/sub-account/futures/accountSummary: exactly one of the two keys, by futuresType.</summary>
public sealed record SubAccountFuturesSummaryV2
{
    /// <summary>futuresType 1 (USDⓈ-M).</summary>
    [JsonPropertyName("futureAccountSummaryResp")]
    public SubAccountFuturesSummary? FutureAccountSummaryResp { get; init; }

    /// <summary>futuresType 2 (COIN-M).</summary>
    [JsonPropertyName("deliveryAccountSummaryResp")]
    public SubAccountCoinFuturesSummary? DeliveryAccountSummaryResp { get; init; }
}
