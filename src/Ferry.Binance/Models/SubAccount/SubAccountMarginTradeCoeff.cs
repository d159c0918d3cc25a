using System.Text.Json.Serialization;

namespace Ferry.Binance.Models.SubAccount;

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
