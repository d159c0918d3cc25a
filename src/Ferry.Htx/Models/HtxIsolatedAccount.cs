using System.Text.Json.Serialization;

namespace Ferry.Htx.Models;

/// <summary>One isolated margin account of POST /linear-swap-api/v1/swap_account_info.</summary>
public sealed record HtxIsolatedAccount
{
    /// <summary>e.g. "BTC".</summary>
    [JsonPropertyName("symbol")][JsonRequired] public string Symbol { get; init; } = "";

    /// <summary>e.g. "BTC-USDT".</summary>
    [JsonPropertyName("contract_code")][JsonRequired] public string ContractCode { get; init; } = "";

    /// <summary>"USDT".</summary>
    [JsonPropertyName("margin_asset")][JsonRequired] public string MarginAsset { get; init; } = "";

    /// <summary>Account equity.</summary>
    [JsonPropertyName("margin_balance")][JsonRequired] public decimal MarginBalance { get; init; }

    /// <summary>Margin held by positions.</summary>
    [JsonPropertyName("margin_position")][JsonRequired] public decimal MarginPosition { get; init; }

    /// <summary>Margin held by open orders.</summary>
    [JsonPropertyName("margin_frozen")][JsonRequired] public decimal MarginFrozen { get; init; }

    /// <summary>Margin free to use.</summary>
    [JsonPropertyName("margin_available")][JsonRequired] public decimal MarginAvailable { get; init; }

    /// <summary>Realized profit.</summary>
    [JsonPropertyName("profit_real")][JsonRequired] public decimal ProfitReal { get; init; }

    /// <summary>Unrealized profit.</summary>
    [JsonPropertyName("profit_unreal")][JsonRequired] public decimal ProfitUnreal { get; init; }

    /// <summary>Margin rate; null without positions.</summary>
    [JsonPropertyName("risk_rate")] public decimal? RiskRate { get; init; }

    /// <summary>Estimated liquidation price; null without positions.</summary>
    [JsonPropertyName("liquidation_price")] public decimal? LiquidationPrice { get; init; }

    /// <summary>What may be transferred out (back to spot).</summary>
    [JsonPropertyName("withdraw_available")][JsonRequired] public decimal WithdrawAvailable { get; init; }

    /// <summary>Leverage.</summary>
    [JsonPropertyName("lever_rate")][JsonRequired] public decimal LeverRate { get; init; }

    /// <summary>Adjustment factor.</summary>
    [JsonPropertyName("adjust_factor")][JsonRequired] public decimal AdjustFactor { get; init; }

    /// <summary>Static equity.</summary>
    [JsonPropertyName("margin_static")][JsonRequired] public decimal MarginStatic { get; init; }

    /// <summary>"isolated".</summary>
    [JsonPropertyName("margin_mode")][JsonRequired] public string MarginMode { get; init; } = "";

    /// <summary>The margin account, e.g. "BTC-USDT".</summary>
    [JsonPropertyName("margin_account")][JsonRequired] public string MarginAccount { get; init; } = "";
}
