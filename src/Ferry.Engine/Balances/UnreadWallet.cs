using Ferry.Core.Outcomes;

namespace Ferry.Engine.Balances;

/// <summary>A wallet whose balance could not be read, and why (e.g. no margin account: -3003; futures not enabled: -2015).</summary>
/// <param name="Owner">The account's e-mail or name.</param>
/// <param name="Wallet">The wallet's name, as in <see cref="AccountBalance.Wallet"/>.</param>
/// <param name="Kind">How the read ended.</param>
/// <param name="Message">One sentence: the exchange's error or why nothing was sent.</param>
public sealed record UnreadWallet(string Owner, string Wallet, OutcomeKind Kind, string Message);
