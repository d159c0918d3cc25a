using System.Text.Json.Serialization;

namespace Ferry.Binance.Models.SubAccount;

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
