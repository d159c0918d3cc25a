namespace Ferry.Engine.Journal;

/// <summary>A move the journal holds that counts against rolling policy limits, as the policy reads it: its first leg (a
/// lone leg, or a route's position 1, in state planned, sending, done or unknown; rejected and not-executed ones moved
/// nothing) gives who asked, the account and venue, the source wallet, the asset and amount and when it was journaled;
/// <paramref name="Target"/> is the wallet the move ends in (a route's last leg's target). Only these columns are read:
/// a check under a daily limit reads every such move of the day, on every move.</summary>
public sealed record CountedMove(Policy.Requester? Requester, string AccountName, string Venue, string From, string Target, string Asset,
    decimal Amount, DateTimeOffset JournaledAt);
