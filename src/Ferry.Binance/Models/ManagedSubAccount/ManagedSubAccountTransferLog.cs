using System.Text.Json.Serialization;

namespace Ferry.Binance.Models.ManagedSubAccount;

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
