using System.Text.Json.Serialization;

namespace Ferry.Binance.Models.SubAccount;

/// <summary>GET /sapi/v2/sub-account/futures/positionRisk: exactly one of the two keys, by futuresType.</summary>
public sealed record SubAccountPositionRiskV2
{
    /// <summary>futuresType 1 (USDⓈ-M).</summary>
    [JsonPropertyName("futurePositionRiskVos")]
    public IReadOnlyList<SubAccountPositionRisk>? FuturePositionRiskVos { get; init; }

    /// <summary>futuresType 2 (COIN-M).</summary>
    [JsonPropertyName("deliveryPositionRiskVos")]
    public IReadOnlyList<SubAccountDeliveryPositionRisk>? DeliveryPositionRiskVos { get; init; }
}
