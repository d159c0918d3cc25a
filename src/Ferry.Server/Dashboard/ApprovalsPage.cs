using System.Text;
using Ferry.Core.Money;
using Ferry.Engine.Approvals;
using Ferry.Server.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using static Ferry.Server.Dashboard.Html;

namespace Ferry.Server.Dashboard;

/// <summary>
/// The moves waiting for approval (and, with <c>?all=1</c>, every request): who asked, the exact move, its rule, how many
/// approvals it has of how many, and until when. Read only, as the MCP tool is: an approval is a person's answer at the
/// command line (<c>ferry approvals approve ID</c>, judged by their login), never a dashboard login, which is a token.
/// </summary>
internal static class ApprovalsPage
{
    public static void Map(IEndpointRouteBuilder app, ServerContext server) =>
        app.MapGet("/approvals", async (string? all, HttpContext context, CancellationToken ct) =>
        {
            var every = all is "1" or "true";
            await using var service = server.Open(context);
            var requests = await service.ApprovalsAsync(every, ct: ct).ConfigureAwait(false);
            return Page("Approvals", "/approvals", Render(requests, every, server.Options.Time.GetUtcNow()));
        }).ExcludeFromDescription();

    private static string Render(IReadOnlyList<ApprovalRequest> requests, bool all, DateTimeOffset now)
    {
        var html = new StringBuilder();
        html.Append("<p class=\"muted\">A move a policy rule sends for approval waits here until someone other than its requester runs ")
            .Append("<code>ferry approvals approve ID</code> (or <code>deny ID</code>) at the command line; the requester then runs the ")
            .Append("same move again, and it runs once. This page only shows them.</p>")
            .Append(all ? "<p><a href=\"/approvals\">Show only open requests</a></p>" : "<p><a href=\"/approvals?all=1\">Show every request</a></p>");
        if (requests.Count == 0)
        {
            html.Append("<p>").Append(all ? "No approval request yet." : "No move is waiting for approval.").Append("</p>");
            return html.ToString();
        }
        html.Append("<table class=\"approvals\"><tr><th>Request</th><th>State</th><th>Requester</th><th>Move</th><th>Rule</th>")
            .Append("<th class=\"num\">Approvals</th><th>Expires</th><th>Answers</th></tr>");
        foreach (var r in requests)
        {
            var state = ApprovalRequest.StateName(r.StateAt(now));
            var p = r.Payload;
            var answers = string.Join("; ", r.Votes.Select(v => $"{v.Approver} {(v.Approve ? "approved" : "denied")}{(v.Reason is null ? "" : $": {v.Reason}")}"));
            html.Append($"<tr class=\"{(r.Altered ? "bad" : state)}\"><td><code>{E(r.Id)}</code></td><td>{E(r.Altered ? "altered" : state)}</td>")
                .Append($"<td>{E(p.Requester)}</td><td>{WireDecimal.Format(p.Amount)} {E(p.Asset)} {E(p.From)} → {E(p.To)} ({E(p.Account)}, {E(p.Venue)})</td>")
                .Append($"<td>{E(r.Rule ?? "default")}</td><td class=\"num\">{r.Approvals} of {r.Required}</td>")
                .Append($"<td>{r.ExpiresAt:yyyy-MM-dd HH:mm} UTC</td><td>{E(answers)}</td></tr>");
        }
        html.Append("</table>");
        return html.ToString();
    }
}
