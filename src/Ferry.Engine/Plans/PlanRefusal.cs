namespace Ferry.Engine.Plans;

/// <summary>Why a plan id cannot run: what was wrong, the id, and when it ran or expired.</summary>
/// <param name="Kind">Unknown, replayed or expired.</param>
/// <param name="PlanId">The id as given.</param>
/// <param name="At">When it ran (replayed) or expired (expired); null when unknown.</param>
/// <param name="TimeToLive">How long plans may wait, for the sentence.</param>
public sealed record PlanRefusal(PlanRefusalKind Kind, string PlanId, DateTimeOffset? At, TimeSpan TimeToLive);
