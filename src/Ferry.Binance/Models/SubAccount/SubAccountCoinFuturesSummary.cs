using System.Text.Json.Serialization;

namespace Ferry.Binance.Models.SubAccount;

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
