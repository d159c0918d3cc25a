namespace Ferry.Engine.Policy;

/// <summary>What the policy decided for one move, and why in one sentence (naming the rule, and for a cap the budget
/// left). The audit log records the rule's name and the action.</summary>
/// <param name="Action">Allow, block or require approval.</param>
/// <param name="Rule">The rule that decided; null when the file's default (or no policy file) did.</param>
/// <param name="Message">One sentence for the person or agent who asked.</param>
public sealed record PolicyDecision(PolicyAction Action, string? Rule, string Message)
{
    /// <summary>Every move is allowed: there is no policy file.</summary>
    public static PolicyDecision NoPolicy { get; } = new(PolicyAction.Allow, null, "There is no policy file, so every move is allowed.");

    /// <summary>For require-approval: what the approval must be (the rule's terms, or the defaults).</summary>
    public ApprovalTerms Approval { get; init; } = ApprovalTerms.Default;

    /// <summary>For require-approval: the waiting approval this move is bound to, once the journal has one.</summary>
    public string? ApprovalId { get; init; }

    /// <summary>True when the move may run.</summary>
    public bool Allowed => Action == PolicyAction.Allow;
}
