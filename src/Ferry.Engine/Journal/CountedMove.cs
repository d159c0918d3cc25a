namespace Ferry.Engine.Journal;

/// <summary>A move the journal holds that counts against rolling policy limits: its first leg (a lone leg, or a route's
/// position 1, in state planned, sending, done or unknown; rejected and not-executed ones moved nothing), the wallet the
/// move ends in (a route's last leg's target) and when the first leg was journaled.</summary>
public sealed record CountedMove(LegDescription FirstLeg, string Target, DateTimeOffset JournaledAt);
