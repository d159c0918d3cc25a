using System.CommandLine;
using System.Globalization;
using Ferry.Cli.Output;
using Ferry.Cli.Output.Json;
using Ferry.Cli.Sessions;
using Ferry.Core.Money;
using Ferry.Engine.Approvals;

namespace Ferry.Cli.Commands;

/// <summary><c>ferry approvals list | approve ID | deny ID</c>: moves the transfer policy holds for someone else's approval
/// (docs/policy.md, docs/security.md). The approver is the person at this terminal (the login name, as for requests); the
/// requester of a move can never answer it.</summary>
internal static class ApprovalsCommand
{
    public static Command Create(CliEnvironment env)
    {
        var listJson = CommonOptions.Json();
        var all = new Option<bool>("--all") { Description = "Every request (approved, denied, used and expired ones too), not only the open ones." };
        var limit = new Option<int>("--limit") { Description = "At most this many requests, newest first.", DefaultValueFactory = _ => 100 };
        var list = new Command("list", "List approval requests, newest first: the open ones (waiting or approved), or with --all every one.") { listJson, all, limit };
        list.SetAction((parse, _) => List(env, new Printer(env, parse.GetValue(listJson)), parse.GetValue(all), parse.GetValue(limit)));

        var approveJson = CommonOptions.Json();
        var approveId = new Argument<string>("id") { Description = "The request's id, as the refused move and 'ferry approvals list' print it." };
        var approve = new Command("approve", "Approve a waiting move (never your own); it runs, once, when its requester runs the same move again.") { approveId, approveJson };
        approve.SetAction((parse, _) => Decide(env, new Printer(env, parse.GetValue(approveJson)), parse.GetValue(approveId)!, approve: true, reason: null));

        var denyJson = CommonOptions.Json();
        var denyId = new Argument<string>("id") { Description = "The request's id." };
        var reason = new Option<string?>("--reason") { Description = "Why, recorded with the answer and in the audit log." };
        var deny = new Command("deny", "Deny a waiting move; it will not run under this request.") { denyId, reason, denyJson };
        deny.SetAction((parse, _) => Decide(env, new Printer(env, parse.GetValue(denyJson)), parse.GetValue(denyId)!, approve: false, parse.GetValue(reason)));

        return new Command("approvals", "Moves waiting for someone else's approval under the transfer policy.") { list, approve, deny };
    }

    private static async Task<int> List(CliEnvironment env, Printer printer, bool all, int limit)
    {
        if (limit < 1) throw CliException.BadInput($"--limit {limit} is not positive.");
        await using var service = CliServices.Open(env, printer.Json);
        var now = env.Time.GetUtcNow();
        var requests = await service.ApprovalsAsync(all, limit);
        printer.Document(new ApprovalListDocument([.. requests.Select(r => ApprovalDocument.Of(r, now))]), CliJsonContext.Default.ApprovalListDocument);
        var table = Printer.NewTable("Id", "State", "Requester", "Move", "Rule", "Approvals", "Expires (UTC)");
        foreach (var r in requests)
        {
            Printer.AddRow(table, r.Id, ApprovalRequest.StateName(r.StateAt(now)), r.Payload.Requester,
                $"{WireDecimal.Format(r.Payload.Amount)} {r.Payload.Asset} {r.Payload.From} → {r.Payload.To} ({r.Payload.Account})", r.Rule ?? "(default)",
                $"{r.Approvals} of {r.Required}{(r.Votes.Count > 0 ? ": " + string.Join(", ", r.Votes.Select(v => v.Approve ? v.Approver : v.Approver + " (denied)")) : "")}",
                r.ExpiresAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
        }
        printer.Table(table);
        printer.Line(requests.Count == 0
            ? all ? "There are no approval requests." : "No move is waiting for approval."
            : $"{requests.Count} request{(requests.Count == 1 ? "" : "s")}.");
        return ExitCodes.Ok;
    }

    private static async Task<int> Decide(CliEnvironment env, Printer printer, string id, bool approve, string? reason)
    {
        if (reason is { Length: > 500 }) throw CliException.BadInput("--reason is longer than 500 characters.");
        await using var service = CliServices.Open(env, printer.Json);
        var decided = await service.DecideApprovalAsync(id, approve, reason);
        var move = decided.Payload.Describe();
        var message = !approve
            ? $"Denied {decided.Id}: {move} will not run under it."
            : decided.State == ApprovalState.Approved
                ? $"Approved {decided.Id} ({decided.Approvals} of {decided.Required}): {move} runs, once, when {decided.Payload.Requester} runs the same move again."
                : $"Approved {decided.Id} ({decided.Approvals} of {decided.Required}); it waits for {decided.Required - decided.Approvals} more approver{(decided.Required - decided.Approvals == 1 ? "" : "s")}.";
        printer.Document(new ApprovalDecisionDocument(ApprovalDocument.Of(decided, env.Time.GetUtcNow()), message), CliJsonContext.Default.ApprovalDecisionDocument);
        printer.Line(message);
        return ExitCodes.Ok;
    }
}
