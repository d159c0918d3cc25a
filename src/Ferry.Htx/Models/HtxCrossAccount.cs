using System.Text.Json.Serialization;

namespace Ferry.Htx.Models;

/// <summary>The cross margin account of POST /linear-swap-api/v1/swap_cross_account_info.</summary>
public sealed record HtxCrossAccount
{
    /// <summary>"cross".</summary>
    [JsonPropertyName("margin_mode")][JsonRequired] public string MarginMode { get; init; } = "";

    /// <summary>"USDT".</summary>
    [JsonPropertyName("margin_account")][JsonRequired] public string MarginAccount { get; init; } = "";

    /// <summary>"USDT".</summary>
    [JsonPropertyName("margin_asset")][JsonRequired] public string MarginAsset { get; init; } = "";

    /// <summary>Account equity.</summary>
    [JsonPropertyName("margin_balance")][JsonRequired] public decimal MarginBalance { get; init; }

    /// <summary>Static equity.</summary>
    [JsonPropertyName("margin_static")][JsonRequired] public decimal MarginStatic { get; init; }

    /// <summary>Margin held by positions.</summary>
    [JsonPropertyName("margin_position")][JsonRequired] public decimal MarginPosition { get; init; }

    /// <summary>Margin held by open orders.</summary>
    [JsonPropertyName("margin_frozen")][JsonRequired] public decimal MarginFrozen { get; init; }

    /// <summary>Realized profit.</summary>
    [JsonPropertyName("profit_real")][JsonRequired] public decimal ProfitReal { get; init; }

    /// <summary>Unrealized profit.</summary>
    [JsonPropertyName("profit_unreal")][JsonRequired] public decimal ProfitUnreal { get; init; }

    /// <summary>What may be transferred back to spot.</summary>
    [JsonPropertyName("withdraw_available")][JsonRequired] public decimal WithdrawAvailable { get; init; }

    /// <summary>Margin rate; null without positions.</summary>
    [JsonPropertyName("risk_rate")] public decimal? RiskRate { get; init; }

    /// <summary>Margin free to use (newer answers).</summary>
    [JsonPropertyName("margin_available")] public decimal? MarginAvailable { get; init; }

    /// <summary>Per-contract figures of the cross account.</summary>
    [JsonPropertyName("contract_detail")] public IReadOnlyList<HtxCrossContractDetail> ContractDetail { get; init; } = [];
}
