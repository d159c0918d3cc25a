namespace Ferry.Server.Api;

/// <summary>A wallet a sweep or rebalance left out, and why.</summary>
public sealed record SkippedWalletResponse(string Wallet, string Reason);
