using Ferry.Engine.Approvals;

namespace Ferry.Engine.Policy;

/// <summary>What the policy would decide for a move now, read without writing anything (<c>--dry-run</c>, MCP
/// <c>plan_transfer</c>): the decision and its rule, the rolling budgets of the rules that match it, and the open approval
/// request for the same payload, if any.</summary>
/// <param name="Decision">Allow, block or require approval, with the rule and its sentence.</param>
/// <param name="Budgets">Each matching rule's rolling limits, as used before this move.</param>
/// <param name="Approval">The open (waiting or approved) request for exactly this move, or null.</param>
public sealed record PolicyPreview(PolicyDecision Decision, IReadOnlyList<PolicyBudget> Budgets, ApprovalRequest? Approval);
