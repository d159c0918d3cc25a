namespace Ferry.Simulator.Ledger.SubAccounts;

/// <summary>One asset of a futures account, derived from the wallet and the open positions.</summary>
/// <param name="Asset">The margin asset.</param>
/// <param name="WalletBalance">What the futures wallet holds.</param>
/// <param name="UnrealizedProfit">Sum over positions margined in this asset.</param>
/// <param name="PositionInitialMargin">Sum of notional ÷ leverage.</param>
/// <param name="MaintenanceMargin">0.4 % of notional (assumed flat rate).</param>
public sealed record FuturesAssetLine(string Asset, decimal WalletBalance, decimal UnrealizedProfit, decimal PositionInitialMargin, decimal MaintenanceMargin)
{
    /// <summary>The maintenance-margin rate the simulator applies to every position (assumed).</summary>
    public const decimal MaintenanceRate = 0.004m;

    /// <summary>Wallet balance plus unrealized profit.</summary>
    public decimal MarginBalance => WalletBalance + UnrealizedProfit;

    /// <summary>What could leave the wallet: the wallet balance, less what open positions tie up, never below zero.</summary>
    public decimal MaxWithdrawAmount => Math.Max(0m, Math.Min(WalletBalance, MarginBalance - PositionInitialMargin));
}
