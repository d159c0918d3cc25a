using System.Text;
using Ferry.Engine.Journal;
using Ferry.Server.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using static Ferry.Server.Dashboard.Html;

namespace Ferry.Server.Dashboard;

/// <summary>
/// Where the money went over a chosen period: from the journal's done legs, per asset, which wallets and accounts sent
/// how much to which (a Sankey picture drawn on the server, and the same figures as a table).
/// </summary>
internal static class FlowPage
{
    public static void Map(IEndpointRouteBuilder app, ServerContext server) =>
        app.MapGet("/flows", async (string? days, HttpContext context, CancellationToken ct) =>
        {
            var period = QueryNumber.Read(days, "days", 7, 1, 366);
            var since = server.Options.Time.GetUtcNow().AddDays(-period);
            await using var service = server.Open(context);
            var done = (await service.ListAsync([LegState.Done], int.MaxValue, ct).ConfigureAwait(false)).Where(e => e.UpdatedAt >= since).ToList();
            return Page("Flows", "/flows", Render(period, done));
        }).ExcludeFromDescription();

    private static string Render(int days, IReadOnlyList<JournalEntry> done)
    {
        var html = new StringBuilder("<form method=\"get\" action=\"/flows\" class=\"inline\"><label>Last <select name=\"days\">");
        foreach (var option in new[] { 1, 7, 30, 90, 366 }) html.Append($"<option value=\"{option}\"{(option == days ? " selected" : "")}>{option} day(s)</option>");
        html.Append("</select></label> <button type=\"submit\">Show</button></form>")
            .Append($"<p class=\"muted\">Done moves in the journal over the last {days} day(s): {done.Count} leg(s).</p>");
        foreach (var asset in done.GroupBy(e => e.Leg.Asset, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var flows = asset.GroupBy(e => (From: Wallet(e.Leg.AccountName, e.Leg.From), To: Wallet(e.Leg.AccountName, e.Leg.To)))
                .Select(g => new FlowChart.Flow(g.Key.From, g.Key.To, g.Sum(e => e.Leg.Amount))).ToList();
            html.Append($"<h2>{E(asset.Key)}</h2>").Append(FlowChart.Render(asset.Key, flows));
            html.Append("<table class=\"flows\"><tr><th>From</th><th>To</th><th class=\"num\">Amount</th></tr>");
            foreach (var flow in flows.OrderByDescending(f => f.Amount))
                html.Append($"<tr><td>{E(flow.From)}</td><td>{E(flow.To)}</td><td class=\"num\">{Ferry.Core.Money.WireDecimal.Format(flow.Amount)} {E(asset.Key)}</td></tr>");
            html.Append("</table>");
        }
        return html.ToString();
    }

    /// <summary>A wallet's name in the picture: an address naming its owner stands alone; the key's own wallet is named after its account.</summary>
    private static string Wallet(string account, string address) => address.Contains('@', StringComparison.Ordinal) ? address : $"{account} {address}";
}
