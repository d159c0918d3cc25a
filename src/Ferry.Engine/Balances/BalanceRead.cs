using Ferry.Core.Outcomes;

namespace Ferry.Engine.Balances;

/// <summary>The balances an account's wallets hold, or the first read that did not end Done and what it was reading.</summary>
/// <param name="Outcome">Done with every non-zero balance, or the failed read's outcome.</param>
/// <param name="What">What the failed read was reading ("the spot balance"); null when done.</param>
public sealed record BalanceRead(Outcome<IReadOnlyList<WalletBalance>> Outcome, string? What);
