namespace Ferry.Engine.Policy;

/// <summary>What a policy rule (or the default) decides for a move it applies to.</summary>
public enum PolicyAction
{
    /// <summary>The move may run.</summary>
    Allow,
    /// <summary>The move is refused; nothing is journaled or sent.</summary>
    Block,
    /// <summary>The move needs someone else's approval first: it is journaled as a waiting approval, bound to its exact
    /// payload, and runs once approved when its requester runs it again.</summary>
    RequireApproval,
}
