namespace Ferry.Simulator.Faults;

/// <summary>One rule: a kind, a rate (fraction 0..1 of requests, or of moves for history-lag) and an optional path.</summary>
public sealed record FaultRule(FaultKind Kind, double Rate, string? Path);
