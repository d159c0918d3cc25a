using System.Text;
using Ferry.Server.Api;
using Ferry.Server.Endpoints;
using Ferry.Server.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using static Ferry.Server.Dashboard.Html;

namespace Ferry.Server.Dashboard;

/// <summary>The balance matrix: per source (an account, or a simulator's every account) its owners' wallets × assets,
/// wallets it could not read, and the totals per asset across venues in each environment (simulated money apart).</summary>
internal static class BalancePage
{
    public static void Map(IEndpointRouteBuilder app, ServerContext server) =>
        app.MapGet("/", async (HttpContext context, CancellationToken ct) => Page("Balances", "/", Render(await ReadEndpoints.ReadBalancesAsync(server, ApiAccess.Caller(context), ct).ConfigureAwait(false))))
            .ExcludeFromDescription();

    private static string Render(BalancesResponse balances)
    {
        var html = new StringBuilder();
        if (balances.Sources.Any(s => s.Simulator))
            html.Append(Notice("warn", "Simulator: the balances marked SIMULATOR are Ferry's built-in simulator, not real money."));
        html.Append("<h2>Totals per asset</h2><table id=\"totals\"><tr><th>Environment</th><th>Asset</th><th class=\"num\">Total across venues</th></tr>");
        foreach (var total in balances.Totals)
        {
            html.Append($"<tr data-environment=\"{E(total.Environment)}\" data-asset=\"{E(total.Asset)}\"><td>{Environment(total.Environment, total.Environment == "sim")}</td>")
                .Append($"<td>{E(total.Asset)}</td><td class=\"num\">{E(total.Amount)}</td></tr>");
        }
        html.Append("</table>");
        foreach (var source in balances.Sources) html.Append(Source(source));
        return html.ToString();
    }

    private static string Source(BalanceSourceResponse source)
    {
        var html = new StringBuilder();
        html.Append($"<section class=\"source\" data-accounts=\"{E(string.Join(",", source.Accounts))}\" data-simulator=\"{(source.Simulator ? "true" : "false")}\">");
        html.Append($"<h2>{E(string.Join(", ", source.Accounts))} <span class=\"muted\">{E(source.Venue)}</span> {Environment(source.Environment, source.Simulator)}</h2>");
        var assets = source.Rows.Select(r => r.Asset).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (assets.Count == 0)
        {
            html.Append("<p class=\"muted\">No balance.</p>");
        }
        else
        {
            html.Append("<table class=\"matrix\"><tr><th>Owner</th><th>Wallet</th>");
            foreach (var asset in assets) html.Append($"<th class=\"num\">{E(asset)}</th>");
            html.Append("</tr>");
            foreach (var wallet in source.Rows.GroupBy(r => (r.Owner, r.Wallet, r.Symbol)).OrderBy(g => g.Key.Owner, StringComparer.Ordinal).ThenBy(g => g.Key.Wallet, StringComparer.Ordinal))
            {
                var (owner, name, symbol) = wallet.Key;
                html.Append($"<tr><td>{E(owner)}</td><td>{E(symbol is null ? name : $"{name} {symbol}")}</td>");
                foreach (var asset in assets)
                {
                    var amount = wallet.Where(r => r.Asset == asset).Select(r => r.Amount).FirstOrDefault();
                    html.Append($"<td class=\"num\" data-owner=\"{E(owner)}\" data-wallet=\"{E(name)}\" data-symbol=\"{E(symbol)}\" data-asset=\"{E(asset)}\">{E(amount)}</td>");
                }
                html.Append("</tr>");
            }
            html.Append("</table>");
        }
        if (source.Unread.Count > 0)
        {
            html.Append("<p class=\"notice warn\">Not read:</p><ul>");
            foreach (var unread in source.Unread) html.Append($"<li>{E(unread.Owner)} {E(unread.Wallet)}: <span class=\"badge {E(unread.Outcome)}\">{E(unread.Outcome)}</span> {E(unread.Message)}</li>");
            html.Append("</ul>");
        }
        return html.Append("</section>").ToString();
    }

    /// <summary>An environment's badge: SIMULATOR, MAINNET or TESTNET, so no one mistakes one for another.</summary>
    public static string Environment(string environment, bool simulator) =>
        simulator || environment == "sim" ? "<span class=\"badge sim\">SIMULATOR</span>" : $"<span class=\"badge {E(environment)}\">{E(environment.ToUpperInvariant())}</span>";
}
