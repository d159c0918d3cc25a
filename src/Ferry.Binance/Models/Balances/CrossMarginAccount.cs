using System.Text.Json.Serialization;

namespace Ferry.Binance.Models.Balances;

/// <summary>GET /sapi/v1/margin/account: the cross-margin account (reference §5b.4). Fields renamed in 2024 are optional; the collateral value is read in both spellings.</summary>
public sealed record CrossMarginAccount
{
    /// <summary>False when the margin account was never created (since 2024-10).</summary>
    [JsonPropertyName("created")]
    public bool? Created { get; init; }

    /// <summary>Borrowing allowed.</summary>
    [JsonPropertyName("borrowEnabled")]
    public bool BorrowEnabled { get; init; }

    /// <summary>Margin level.</summary>
    [JsonPropertyName("marginLevel")]
    [JsonRequired]
    public decimal MarginLevel { get; init; }

    /// <summary>Collateral margin level.</summary>
    [JsonPropertyName("collateralMarginLevel")]
    public decimal? CollateralMarginLevel { get; init; }

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

    /// <summary>Collateral in USDT as the docs spell it (capital T); see <see cref="TotalCollateralValueInUsdt"/>.</summary>
    [JsonPropertyName("TotalCollateralValueInUSDT")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public decimal? TotalCollateralValueInUsdtAsDocumented { get; init; }

    /// <summary>Collateral in USDT as Binance.Net reads it (lower-case t); see <see cref="TotalCollateralValueInUsdt"/>.</summary>
    [JsonPropertyName("totalCollateralValueInUSDT")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public decimal? TotalCollateralValueInUsdtCamelCase { get; init; }

    /// <summary>Open-order loss in USDT.</summary>
    [JsonPropertyName("totalOpenOrderLossInUSDT")]
    public decimal? TotalOpenOrderLossInUsdt { get; init; }

    /// <summary>Trading allowed.</summary>
    [JsonPropertyName("tradeEnabled")]
    public bool TradeEnabled { get; init; }

    /// <summary>Transfers in allowed (replaced transferEnabled in 2024).</summary>
    [JsonPropertyName("transferInEnabled")]
    public bool? TransferInEnabled { get; init; }

    /// <summary>Transfers out allowed (replaced transferEnabled in 2024).</summary>
    [JsonPropertyName("transferOutEnabled")]
    public bool? TransferOutEnabled { get; init; }

    /// <summary>Transfers allowed (before 2024-10).</summary>
    [JsonPropertyName("transferEnabled")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? TransferEnabled { get; init; }

    /// <summary>"MARGIN_1" (Cross Margin Classic) or "MARGIN_2" (Pro).</summary>
    [JsonPropertyName("accountType")]
    public string? AccountType { get; init; }

    /// <summary>One row per asset.</summary>
    [JsonPropertyName("userAssets")]
    [JsonRequired]
    public IReadOnlyList<MarginUserAsset> UserAssets { get; init; } = [];

    /// <summary>
    /// Collateral in USDT, whichever spelling carried it (CONFLICT: the docs write <c>TotalCollateralValueInUSDT</c>,
    /// Binance.Net reads <c>totalCollateralValueInUSDT</c>); null when neither did.
    /// </summary>
    [JsonIgnore]
    public decimal? TotalCollateralValueInUsdt => TotalCollateralValueInUsdtAsDocumented ?? TotalCollateralValueInUsdtCamelCase;
}
