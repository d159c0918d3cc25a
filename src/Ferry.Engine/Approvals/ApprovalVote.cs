namespace Ferry.Engine.Approvals;

/// <summary>One approver's answer to an approval request.</summary>
/// <param name="Approver">Who answered (a login name).</param>
/// <param name="Approve">True to approve, false to deny.</param>
/// <param name="At">When.</param>
/// <param name="Reason">Why, as given (a denial may say).</param>
public sealed record ApprovalVote(string Approver, bool Approve, DateTimeOffset At, string? Reason);
