namespace Ferry.Engine.Policy;

/// <summary>The transfer policy refused a move (blocked, or it needs an approval this version cannot grant); nothing
/// was journaled or sent. The message is the decision's one sentence.</summary>
public sealed class PolicyRefusedException(PolicyDecision decision) : Exception(decision?.Message)
{
    /// <summary>The decision, with the rule that made it.</summary>
    public PolicyDecision Decision { get; } = decision ?? throw new ArgumentNullException(nameof(decision));
}
