using Ferry.Engine.Accounts;

namespace Ferry.Engine.Policy;

/// <summary>A move as the policy sees it: who asks, whose key sends its first leg, where the money leaves and where it
/// ends up (a route's last leg's target), what and how much.</summary>
/// <param name="Requester">Who asked for it.</param>
/// <param name="Account">The account whose key sends the first leg.</param>
/// <param name="Venue">binance or htx.</param>
/// <param name="Environment">The account's environment; null when the account is not configured here.</param>
/// <param name="From">The source wallet address (e.g. <c>alice@example.com/spot</c>).</param>
/// <param name="To">The destination wallet address.</param>
/// <param name="Asset">Upper-case asset.</param>
/// <param name="Amount">The amount moved.</param>
public sealed record PolicyMove(Requester Requester, string Account, string Venue, AccountEnvironment? Environment,
    string From, string To, string Asset, decimal Amount);
