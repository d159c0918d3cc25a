namespace Ferry.Engine.Balances;

/// <summary>What one wallet holds of one asset: the whole amount, what can move now, and what is frozen.</summary>
/// <param name="Wallet">The wallet's address, e.g. <c>htx:spot</c> or <c>htx:swap:BTC-USDT</c>.</param>
/// <param name="Asset">Upper-case asset.</param>
/// <param name="Amount">Available plus frozen.</param>
/// <param name="Available">What can be moved out now.</param>
/// <param name="Frozen">What is held (orders, margin).</param>
public sealed record WalletBalance(string Wallet, string Asset, decimal Amount, decimal Available, decimal Frozen);
