using System.Text.Json.Serialization;

namespace Ferry.Binance.Models.SubAccount;

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
