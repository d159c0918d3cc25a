using System.Text.Json.Serialization;

namespace Ferry.Htx.Models;

/// <summary>One contract of a cross margin account.</summary>
public sealed record HtxCrossContractDetail
{
    /// <summary>e.g. "BTC".</summary>
    [JsonPropertyName("symbol")][JsonRequired] public string Symbol { get; init; } = "";

    /// <summary>e.g. "BTC-USDT".</summary>
    [JsonPropertyName("contract_code")][JsonRequired] public string ContractCode { get; init; } = "";

    /// <summary>Margin held by positions.</summary>
    [JsonPropertyName("margin_position")][JsonRequired] public decimal MarginPosition { get; init; }

    /// <summary>Margin held by open orders.</summary>
    [JsonPropertyName("margin_frozen")][JsonRequired] public decimal MarginFrozen { get; init; }

    /// <summary>Margin free to use.</summary>
    [JsonPropertyName("margin_available")][JsonRequired] public decimal MarginAvailable { get; init; }

    /// <summary>Unrealized profit.</summary>
    [JsonPropertyName("profit_unreal")][JsonRequired] public decimal ProfitUnreal { get; init; }

    /// <summary>Estimated liquidation price; null without positions.</summary>
    [JsonPropertyName("liquidation_price")] public decimal? LiquidationPrice { get; init; }

    /// <summary>Leverage.</summary>
    [JsonPropertyName("lever_rate")][JsonRequired] public decimal LeverRate { get; init; }

    /// <summary>Adjustment factor.</summary>
    [JsonPropertyName("adjust_factor")][JsonRequired] public decimal AdjustFactor { get; init; }
}
