namespace Ferry.Engine.Plans;

/// <summary>A plan that cannot run (unknown, replayed or expired); nothing was sent.</summary>
public sealed class PlanUnavailableException(PlanRefusal refusal, string message) : Exception(message)
{
    /// <summary>What was wrong, with the plan id.</summary>
    public PlanRefusal Refusal { get; } = refusal;

    /// <summary>"unknown", "replayed" or "expired": the error kind front ends report.</summary>
    public string Kind => Refusal.Kind.ToString().ToLowerInvariant();
}
