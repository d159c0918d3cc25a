namespace Ferry.Engine.Policy;

/// <summary>A move the journal holds that counts against rolling limits (planned, sending, done or unknown), and when
/// it was journaled.</summary>
public sealed record PastMove(PolicyMove Move, DateTimeOffset At);
