using System.Text.Json.Serialization;

namespace Ferry.Binance.Models.SubAccount;

/// <summary>POST /sapi/v1/sub-account/futures/move-position: one row per requested position.</summary>
public sealed record MovePositionResult
{
    /// <summary>Per order, whether it moved.</summary>
    [JsonPropertyName("movePositionOrders")]
    [JsonRequired]
    public IReadOnlyList<MovePositionOrderResult> MovePositionOrders { get; init; } = [];
}
