using System.Text.Json.Serialization;

namespace Ferry.Binance.Models.SubAccount;

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
