using System.ComponentModel;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Ferry.Cli.Mcp;

/// <summary>Approvals, read only: an agent can see which moves wait for a person's approval, never approve or deny one
/// (there is no such tool; a person answers at the command line).</summary>
internal sealed class ApprovalTools(McpToolContext context)
{
    [McpServerTool(Name = "list_approvals", Title = "Moves waiting for approval", ReadOnly = true, Idempotent = true, OpenWorld = false)]
    [Description("Moves the transfer policy holds for a person's approval, newest first: id, state (waiting, approved, denied, executed, expired), who asked, the move, the rule, approvals so far of those required, and when it expires. Agents cannot approve or deny: tell the user the id so that someone other than the requester runs 'ferry approvals approve ID'; once approved, run the same move again (plan_transfer then execute_plan) and it runs once.")]
    [ToolOutput("Approval requests.", "approvals")]
    public Task<CallToolResult> ListApprovals(
        [Description("true: every request, also approved, denied, used and expired ones; default: only open ones (waiting or approved).")] bool? all = null,
        CancellationToken ct = default) =>
        context.Boundary.RunAsync("list_approvals", c =>
        {
            List<string> args = ["approvals", "list"];
            if (all == true) args.Add("--all");
            return context.Bridge.RunAsync(args, c);
        }, ct);
}
