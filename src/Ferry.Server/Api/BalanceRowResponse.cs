namespace Ferry.Server.Api;

/// <summary>What one wallet holds of one asset; the amount is an exact decimal string.</summary>
public sealed record BalanceRowResponse(string Owner, string Wallet, string? Symbol, string Asset, string Amount);
