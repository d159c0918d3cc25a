using System.Text.Json.Serialization;

namespace Ferry.Binance.Models.SubAccount;

/// <summary>GET /sapi/v1/sub-account/futures/move-position: one page of executed moves.</summary>
public sealed record MovePositionHistoryPage
{
    /// <summary>Moves over all pages.</summary>
    [JsonPropertyName("total")]
    [JsonRequired]
    public int Total { get; init; }

    /// <summary>This page, newest first.</summary>
    [JsonPropertyName("futureMovePositionOrderVoList")]
    public IReadOnlyList<MovePositionHistoryRow> FutureMovePositionOrderVoList { get; init; } = [];
}
