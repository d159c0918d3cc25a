namespace Ferry.Server.Api;

/// <summary>One recorded step of a journal entry.</summary>
public sealed record JournalEventResponse(long Seq, DateTimeOffset At, int Attempt, string? From, string To, string? Detail);
