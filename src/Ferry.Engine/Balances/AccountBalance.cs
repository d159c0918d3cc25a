namespace Ferry.Engine.Balances;

/// <summary>What one account's wallet holds of one asset.</summary>
/// <param name="Owner">The account's e-mail (lower case), or its name when no e-mail is configured.</param>
/// <param name="Wallet">The wallet in the names <c>ferry balances</c> prints: SPOT, FUNDING, MARGIN, ISOLATED_MARGIN,
/// USDT_FUTURE, COIN_FUTURE.</param>
/// <param name="Symbol">The isolated margin pair, else null.</param>
/// <param name="Asset">Upper-case asset.</param>
/// <param name="Amount">The whole balance (free plus locked; a futures wallet's balance).</param>
/// <param name="Available">What can be moved out now (free; a futures wallet's max withdraw amount).</param>
public sealed record AccountBalance(string Owner, string Wallet, string? Symbol, string Asset, decimal Amount, decimal Available);
