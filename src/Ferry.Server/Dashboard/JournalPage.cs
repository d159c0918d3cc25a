using System.Text;
using Ferry.Engine.Accounts;
using Ferry.Engine.Journal;
using Ferry.Server.Api;
using Ferry.Server.Endpoints;
using Ferry.Server.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using static Ferry.Server.Dashboard.Html;

namespace Ferry.Server.Dashboard;

/// <summary>
/// The journal: entries newest first, filtered by state (a plain GET form: it works without scripts); unknown and
/// rejected rows highlighted; reconcile buttons on entries whose outcome is open, resume on routes stopped halfway
/// (a mainnet route only with CONFIRM typed). Every button is a form with the anti-forgery token.
/// </summary>
internal static class JournalPage
{
    private static readonly string[] States = ["planned", "sending", "done", "rejected", "unknown", "not-executed"];

    public static void Map(IEndpointRouteBuilder app, ServerContext server)
    {
        app.MapGet("/journal", async (string? state, HttpContext context, CancellationToken ct) =>
            Page("Journal", "/journal", await RenderAsync(server, context, state, null, ct).ConfigureAwait(false))).ExcludeFromDescription();

        app.MapPost("/journal/reconcile", (HttpContext context, CancellationToken ct) => ReconcileAsync(server, context, null, ct))
            .WithMetadata(new RequiredScope(ApiScope.Plan)).ExcludeFromDescription();
        app.MapPost("/journal/{id}/reconcile", (string id, HttpContext context, CancellationToken ct) => ReconcileAsync(server, context, id, ct))
            .WithMetadata(new RequiredScope(ApiScope.Plan)).ExcludeFromDescription();

        app.MapPost("/journal/{id}/resume", async (string id, HttpContext context, CancellationToken ct) =>
        {
            var form = await FormGuard.ReadAsync(context).ConfigureAwait(false);
            var confirmed = form["confirm"].ToString() == "CONFIRM";
            var run = await JournalEndpoints.ResumeAsync(server, id, ApiAccess.Caller(context), confirmed, ct).ConfigureAwait(false);
            var notice = Notice(run.Outcome == ApiException.Outcomes.Done ? "ok" : "bad", $"Resume {run.Outcome}: {run.Message}");
            return Page("Journal", "/journal", await RenderAsync(server, context, null, notice, ct).ConfigureAwait(false));
        }).WithMetadata(new RequiredScope(ApiScope.Execute)).ExcludeFromDescription();
    }

    private static async Task<IResult> ReconcileAsync(ServerContext server, HttpContext context, string? id, CancellationToken ct)
    {
        await FormGuard.ReadAsync(context).ConfigureAwait(false);
        var answer = await JournalEndpoints.ReconcileEntriesAsync(server, id, ApiAccess.Caller(context), ct).ConfigureAwait(false);
        var said = answer.Results.Count == 0 ? "Nothing needed reconciling." : string.Join(" ", answer.Results.Select(r => $"{r.JournalId}: {r.State} ({r.Reason.TrimEnd('.')})."));
        var notice = Notice(answer.Outcome == ApiException.Outcomes.Done ? "ok" : "warn", "Reconciled. " + said);
        return Page("Journal", "/journal", await RenderAsync(server, context, null, notice, ct).ConfigureAwait(false));
    }

    private static async Task<string> RenderAsync(ServerContext server, HttpContext context, string? state, string? notice, CancellationToken ct)
    {
        LegState? filter = string.IsNullOrWhiteSpace(state) ? null : States.Contains(state) ? LegStates.Parse(state)
            : throw ApiException.BadInput($"state '{state}' is not a journal state; use planned, sending, done, rejected, unknown or not-executed");
        await using var service = server.Open(context);
        var entries = await service.ListAsync(filter is { } s ? [s] : null, 500, ct).ConfigureAwait(false);
        var mainnet = service.Accounts.Where(a => a.Environment == AccountEnvironment.Mainnet).Select(a => a.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var token = FormGuard.Token(context);

        var html = new StringBuilder(notice);
        html.Append("<form method=\"get\" action=\"/journal\" class=\"inline\"><label>State <select name=\"state\"><option value=\"\">every state</option>");
        foreach (var name in States) html.Append($"<option{(name == state ? " selected" : "")}>{name}</option>");
        html.Append("</select></label> <button type=\"submit\">Filter</button></form> ");
        if (entries.Any(e => e.NeedsReconciliation))
            html.Append($"<form method=\"post\" action=\"/journal/reconcile\" class=\"inline\">{Csrf(token)}<button type=\"submit\" id=\"reconcile-all\">Reconcile every open entry</button></form>");
        html.Append("<table id=\"journal\"><tr><th>Entry</th><th>State</th><th>Updated</th><th>Account</th><th>Endpoint</th><th>From → to</th><th class=\"num\">Amount</th><th>Route</th><th>Exchange id</th><th>Message</th><th></th></tr>");
        foreach (var entry in entries)
        {
            var e = JournalResponses.Entry(entry);
            html.Append($"<tr id=\"entry-{E(e.Id)}\" class=\"state-{E(e.State)}\" data-state=\"{E(e.State)}\"><td>{E(e.Id)}</td><td><span class=\"badge {E(e.State)}\">{E(e.State)}</span></td>")
                .Append($"<td>{e.UpdatedAt:yyyy-MM-dd HH:mm:ss}</td><td>{E(e.Account)}</td><td>{E(e.Endpoint)}</td><td>{E(e.From)} → {E(e.To)}</td>")
                .Append($"<td class=\"num\">{E(e.Amount)} {E(e.Asset)}</td><td>{E(e.RouteId)}{(e.RouteLeg is { } leg ? $" #{leg}" : "")}</td><td>{E(e.ExchangeId)}</td><td>{E(e.Message)}</td><td>");
            if (entry.NeedsReconciliation)
                html.Append($"<form method=\"post\" action=\"/journal/{E(e.Id)}/reconcile\" class=\"inline\">{Csrf(token)}<button type=\"submit\">Reconcile</button></form>");
            if (e.RouteId is { } route && entry.State is LegState.Rejected or LegState.NotExecuted or LegState.Planned)
            {
                html.Append($"<form method=\"post\" action=\"/journal/{E(route)}/resume\" class=\"inline\">{Csrf(token)}");
                if (mainnet.Contains(e.Account)) html.Append("<input name=\"confirm\" placeholder=\"type CONFIRM\" required> ");
                html.Append("<button type=\"submit\">Resume route</button></form>");
            }
            html.Append("</td></tr>");
        }
        html.Append("</table>");
        if (entries.Count == 0) html.Append("<p class=\"muted\">No journal entry.</p>");
        return html.ToString();
    }
}
