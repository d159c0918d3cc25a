namespace Ferry.Engine.Approvals;

/// <summary>An approve or deny was refused (self-approval, replay, expiry, altered payload, not an allowed approver, or
/// no such request); nothing was written. The message is one sentence.</summary>
public sealed class ApprovalRefusedException(string message, bool unknownId = false) : Exception(message)
{
    /// <summary>True when no approval request has the id given (bad input rather than a refusal).</summary>
    public bool UnknownId { get; } = unknownId;
}
