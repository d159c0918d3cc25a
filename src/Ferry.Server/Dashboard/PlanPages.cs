using System.Text;
using Ferry.Server.Api;
using Ferry.Server.Endpoints;
using Ferry.Server.Events;
using Ferry.Server.Plans;
using Ferry.Server.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using static Ferry.Server.Dashboard.Html;

namespace Ferry.Server.Dashboard;

/// <summary>
/// Plan, look, then execute: the move planner and the sweep / rebalance forms make a plan (sends nothing) and show its
/// legs; its execute form runs it once in the background and opens the run page, whose progress bar follows the plan's
/// event stream. A plan touching a mainnet account runs only when the person types CONFIRM, which grants the one
/// confirmation bound to that plan id that its execute needs (<see cref="PlanConfirmations"/>).
/// </summary>
internal static class PlanPages
{
    public static void Map(IEndpointRouteBuilder app, ServerContext server)
    {
        app.MapGet("/plan", async (HttpContext context, CancellationToken ct) => Page("Plan a move", "/plan", await PlannerAsync(server, context, ct).ConfigureAwait(false)))
            .WithMetadata(new RequiredScope(ApiScope.Plan)).ExcludeFromDescription();
        app.MapPost("/plan", async (HttpContext context, CancellationToken ct) =>
        {
            var form = await FormGuard.ReadAsync(context).ConfigureAwait(false);
            var request = new TransferPlanRequest(form["amount"], form["asset"], form["from"], form["to"], Optional(form["account"]));
            return Planned(server, await PlanEndpoints.PlanTransferAsync(server, ApiAccess.Caller(context), request, ct).ConfigureAwait(false));
        }).WithMetadata(new RequiredScope(ApiScope.Plan)).ExcludeFromDescription();

        app.MapGet("/sweep", (HttpContext context) => Page("Sweep / rebalance", "/sweep", SweepForms(FormGuard.Token(context))))
            .WithMetadata(new RequiredScope(ApiScope.Plan)).ExcludeFromDescription();
        app.MapPost("/sweep", async (HttpContext context, CancellationToken ct) =>
        {
            var form = await FormGuard.ReadAsync(context).ConfigureAwait(false);
            var from = form["from"].ToString().Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var request = new SweepPlanRequest(form["asset"], form["to"], from.Length == 0 ? null : from, Optional(form["wallet"]), Optional(form["min"]),
                Optional(form["keep"]), Optional(form["account"]));
            return Planned(server, await PlanEndpoints.PlanSweepAsync(server, ApiAccess.Caller(context), request, ct).ConfigureAwait(false));
        }).WithMetadata(new RequiredScope(ApiScope.Plan)).ExcludeFromDescription();
        app.MapPost("/rebalance", async (HttpContext context, CancellationToken ct) =>
        {
            var form = await FormGuard.ReadAsync(context).ConfigureAwait(false);
            return Planned(server, await PlanEndpoints.PlanRebalanceAsync(server, ApiAccess.Caller(context), new RebalancePlanRequest(form["plan"], Optional(form["account"])), ct).ConfigureAwait(false));
        }).WithMetadata(new RequiredScope(ApiScope.Plan)).ExcludeFromDescription();

        app.MapGet("/plans/{planId}", (string planId, HttpContext context) =>
            server.Runs.Find(planId) is not null ? Results.Redirect($"/runs/{Uri.EscapeDataString(planId)}")
                : Page("Plan " + planId, "/plan", ShowPlan(planId, server.Plans.Find(planId), FormGuard.Token(context), null)))
            .WithMetadata(new RequiredScope(ApiScope.Plan)).ExcludeFromDescription();
        app.MapPost("/plans/{planId}/execute", (string planId, HttpContext context) => ExecuteAsync(server, planId, context))
            .WithMetadata(new RequiredScope(ApiScope.Execute)).ExcludeFromDescription();

        app.MapGet("/runs/{planId}", (string planId) => server.Runs.Find(planId) is { } track
                ? Page($"Run of {track.Kind} {planId}", "/plan", ShowRun(track), refresh: !track.Ended)
                : throw new ApiException(ApiException.StatusCodes.NotFound, "not-found", ApiException.Outcomes.NotSent, $"No run of plan '{planId}' started on this server"))
            .ExcludeFromDescription();
    }

    private static string? Optional(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static IResult Planned(ServerContext server, ServerPlan plan)
    {
        var (id, _) = server.Plans.Add(plan);
        return Results.Redirect($"/plans/{Uri.EscapeDataString(id)}");
    }

    private static async Task<IResult> ExecuteAsync(ServerContext server, string planId, HttpContext context)
    {
        var form = await FormGuard.ReadAsync(context).ConfigureAwait(false);
        var plan = server.Plans.Find(planId);
        if (plan.TouchesMainnet)
        {
            if (form["confirm"].ToString() != "CONFIRM")
            {
                var refusal = Notice("bad", $"Plan {planId} moves money on a MAINNET account: type CONFIRM (in capitals) to run it. Nothing was sent.");
                return Page("Plan " + planId, "/plan", ShowPlan(planId, plan, FormGuard.Token(context), refusal), StatusCodes.Status428PreconditionRequired);
            }
            server.Confirmations.Grant(planId);
        }
        var (claimed, track) = PlanRunner.Claim(server, planId);
        var caller = ApiAccess.Caller(context);
        server.Runs.Background(async () =>
        {
            try
            {
                await PlanRunner.RunAsync(server, claimed, track, caller, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // The run's track holds what stopped it; the run page shows it.
            }
        });
        return Results.Redirect($"/runs/{Uri.EscapeDataString(planId)}");
    }

    private static async Task<string> PlannerAsync(ServerContext server, HttpContext context, CancellationToken ct)
    {
        await using var service = server.Open(context);
        var html = new StringBuilder("<form method=\"post\" action=\"/plan\" class=\"stack\" id=\"planner\">").Append(Csrf(FormGuard.Token(context)));
        html.Append("<label>Account <select name=\"account\"><option value=\"\">the server's default</option>");
        foreach (var account in service.Accounts)
            html.Append($"<option value=\"{E(account.Name)}\">{E(account.Name)} ({E(account.Venue.ToString().ToLowerInvariant())}, {E(account.Environment.ToString().ToLowerInvariant())})</option>");
        html.Append("</select></label>")
            .Append(Field("from", "From", placeholder: "spot, usdm, alice@example.com/usdm, htx:spot"))
            .Append(Field("to", "To", placeholder: "usdm"))
            .Append(Field("asset", "Asset", "USDT"))
            .Append(Field("amount", "Amount", placeholder: "10.5"))
            .Append("<button type=\"submit\">Plan (sends nothing)</button></form>");
        return html.ToString();
    }

    private static string SweepForms(string token) =>
        $"""
        <h2>Sweep: collect an asset from sub-accounts</h2>
        <form method="post" action="/sweep" class="stack" id="sweep">{Csrf(token)}
        {Field("asset", "Asset", "USDT")}{Field("to", "Into", "spot")}
        {Field("from", "Only these sub-accounts (emails, comma-separated)", required: false)}
        {Field("wallet", "From their wallet", "spot", required: false)}{Field("keep", "Keep in each", "0", required: false)}{Field("min", "Skip below", "0", required: false)}
        {Field("account", "Master account", required: false, placeholder: "the server's default")}
        <button type="submit">Plan the sweep (sends nothing)</button></form>
        <h2>Rebalance: targets per wallet</h2>
        <form method="post" action="/rebalance" class="stack" id="rebalance">{Csrf(token)}
        <label>Plan (YAML, as for ferry rebalance) <textarea name="plan" required></textarea></label>
        {Field("account", "Master account", required: false, placeholder: "the server's default")}
        <button type="submit">Plan the rebalance (sends nothing)</button></form>
        """;

    private static string ShowPlan(string planId, ServerPlan plan, string token, string? notice)
    {
        var html = new StringBuilder(notice);
        html.Append($"<p id=\"plan\" data-plan=\"{E(planId)}\">A {E(plan.Kind)} planned for account {E(plan.Account)}; <strong>nothing has been sent</strong>. It runs once, before it expires.</p>");
        if (plan.TouchesMainnet) html.Append(Notice("bad", "This plan moves money on a MAINNET account: real money."));
        html.Append("<table id=\"legs\"><tr><th>Move</th><th>Leg</th><th>Account</th><th>Endpoint</th><th>From → to</th><th class=\"num\">Amount</th><th>Weight (IP/UID)</th><th>Parameters</th></tr>");
        foreach (var move in plan.Moves)
        {
            foreach (var leg in move.Legs)
            {
                html.Append($"<tr><td>{E(move.MoveId)}</td><td>{leg.Index}</td><td>{E(leg.Account)} {BalancePage.Environment(leg.Environment, false)}</td><td>{E(leg.Endpoint)}</td>")
                    .Append($"<td>{E(leg.From)} → {E(leg.To)}</td><td class=\"num\">{E(leg.Amount)} {E(leg.Asset)}</td><td>{leg.IpWeight}/{leg.UidWeight}</td>")
                    .Append($"<td>{E(string.Join(", ", leg.Parameters.Select(p => $"{p.Name}={p.Value}")))}</td></tr>");
            }
        }
        html.Append("</table>");
        if (plan.Moves.Count == 0) html.Append("<p class=\"muted\">Nothing to move.</p>");
        if (plan.Skipped.Count > 0)
        {
            html.Append("<h2>Left out</h2><ul>");
            foreach (var skipped in plan.Skipped) html.Append($"<li>{E(skipped.Wallet)}: {E(skipped.Reason)}</li>");
            html.Append("</ul>");
        }
        html.Append($"<form method=\"post\" action=\"/plans/{E(planId)}/execute\" class=\"stack\" id=\"execute\">{Csrf(token)}");
        if (plan.TouchesMainnet) html.Append("<label>Type CONFIRM to move real money <input name=\"confirm\" autocomplete=\"off\"></label>");
        html.Append($"<button type=\"submit\"{(plan.TouchesMainnet ? " class=\"danger\"" : "")}>Execute</button></form>");
        return html.ToString();
    }

    private static string ShowRun(RunTrack track)
    {
        var html = new StringBuilder();
        var finished = track.Ended ? track.Total : track.Finished;
        html.Append($"<p><progress id=\"progress\" data-plan=\"{E(track.PlanId)}\" max=\"{Math.Max(track.Total, 1)}\" value=\"{(track.Ended && track.Total == 0 ? 1 : finished)}\"></progress> ")
            .Append($"<span id=\"progress-label\">{finished} of {track.Total} move(s) finished</span></p>");
        var (kind, text) = track.Result is { } run ? (run.Outcome == ApiException.Outcomes.Done ? "ok" : "bad", $"{run.Outcome}: {run.Message}")
            : track.Problem is { } problem ? ("bad", $"{problem.Outcome}: {problem.Message}") : ("", "running…");
        html.Append($"<p id=\"outcome\" class=\"notice {kind}\">{E(text)}</p>");
        if (track.Result is { } result)
        {
            html.Append("<table id=\"result\"><tr><th>Move</th><th>Outcome</th><th>Money is in</th><th>Leg</th><th>Journal entry</th><th>State</th><th>Exchange id</th></tr>");
            foreach (var move in result.Moves)
            {
                foreach (var leg in move.Legs)
                {
                    html.Append($"<tr><td>{E(move.MoveId)}</td><td><span class=\"badge {E(move.Outcome)}\">{E(move.Outcome)}</span></td><td>{E(move.Holding)}</td>")
                        .Append($"<td>{leg.Position}</td><td><a href=\"/journal\">{E(leg.JournalId)}</a></td><td>{E(leg.State)}</td><td>{E(leg.ExchangeId)}</td></tr>");
                }
            }
            html.Append("</table>");
        }
        html.Append("<h2>Events</h2><ol id=\"events\"></ol><noscript><p class=\"muted\">Live events need JavaScript; this page reloads itself while the run runs.</p></noscript>");
        return html.ToString();
    }
}
