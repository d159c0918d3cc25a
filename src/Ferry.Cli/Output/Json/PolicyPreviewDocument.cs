using Ferry.Core.Money;
using Ferry.Engine.Approvals;
using Ferry.Engine.Policy;

namespace Ferry.Cli.Output.Json;

/// <summary>What the transfer policy would decide for a planned move (<c>--dry-run</c>, MCP <c>plan_transfer</c>): the
/// action (allow, block, require-approval), the rule (null: the default or no policy file), the sentence, each matching
/// rule's rolling budget before this move, and the open approval request for exactly this move. Nothing was written.</summary>
internal sealed record PolicyPreviewDocument(string Action, string? Rule, string Message, IReadOnlyList<PolicyBudgetDocument> Budgets,
    string? ApprovalId, string? ApprovalState)
{
    public static PolicyPreviewDocument Of(PolicyPreview p, DateTimeOffset now) => new(ActionName(p.Decision.Action), p.Decision.Rule, p.Decision.Message,
        [.. p.Budgets.Select(b => new PolicyBudgetDocument(b.Rule, b.Limit, WireDecimal.Format(b.Max), WireDecimal.Format(b.Used), WireDecimal.Format(b.Left), b.Unit))],
        p.Approval?.Id, p.Approval is { } a ? ApprovalRequest.StateName(a.StateAt(now)) : null);

    /// <summary>The action as the policy file writes it.</summary>
    public static string ActionName(PolicyAction action) => action switch
    {
        PolicyAction.Allow => "allow",
        PolicyAction.Block => "block",
        _ => "require-approval",
    };
}
