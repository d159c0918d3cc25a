namespace Ferry.Engine.Policy;

/// <summary>At most <see cref="Max"/> moves a rule matches within any <see cref="Period"/>.</summary>
public sealed record MoveCountLimit(TimeSpan Period, int Max);
