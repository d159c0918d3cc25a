using System.ComponentModel;
using System.Text.Json.Nodes;
using Ferry.Cli.Commands;
using Ferry.Money;
using Ferry.Moves;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Ferry.Cli.Mcp;

/// <summary>Sweeps: collect an asset from sub-accounts into one wallet. Planned here from balances just read (sends
/// nothing); run once by <c>execute_plan</c>.</summary>
internal sealed class SweepTools(McpToolContext context)
{
    [McpServerTool(Name = "plan_sweep", Title = "Plan a sweep", ReadOnly = true, OpenWorld = true)]
    [Description("Plans collecting an asset from sub-accounts into one wallet, exactly as 'ferry sweep --dry-run': reads the sources' balances with the master's key (reads only) and plans one move per source (its legs with endpoint, account, IP/UID weight), listing sources it skips and why. SENDS NOTHING: returns a plan id for execute_plan. Show the moves to the user before executing. The sources are every sub-account on the master's list unless 'from' names some.")]
    [ToolOutput("A sweep plan: its id, expiry, moves and skipped sources; nothing was sent.", "planId", "kind", "expiresAt", "target", "request", "moves", "skipped", "uidWeight", "ipWeight", "needsConfirmation", "sent")]
    public Task<CallToolResult> PlanSweep(
        [Description("The asset to collect, e.g. USDT.")] string asset,
        [Description("Where it goes: spot (the master's spot), another master wallet (usdm, margin, ...) or a sub-account's, e.g. alice@example.com/spot.")] string to,
        [Description("Sweep only these sub-accounts (e-mails). Omit for every sub-account on the master's list.")] string[]? from = null,
        [Description("True to sweep every sub-account on the master's list (the default when 'from' is omitted); not together with 'from'.")] bool? fromAllSubaccounts = null,
        [Description("The sources' wallet to sweep: spot (default), margin, usdm or coinm.")] string? wallet = null,
        [Description("Skip a source whose sweepable amount (free minus keep) is below this decimal, e.g. \"10\".")] string? min = null,
        [Description("Leave this much in each source, a decimal such as \"1.5\".")] string? keep = null,
        [Description(AccountTools.AccountParameter)] string? account = null,
        CancellationToken ct = default) =>
        context.Boundary.RunAsync("plan_sweep", c => context.Bridge.WithEnvironmentAsync(async env =>
        {
            var sweep = SweepCommand.Prepare(env, asset, to, fromAllSubaccounts == true, from, wallet ?? "spot", min, keep, account);
            MovePlan plan;
            IReadOnlyDictionary<string, Sessions.SessionTarget> accounts;
            await using (var run = await MovesExecution.OpenAsync(env, sweep.Target, json: true, c))
            {
                plan = await SweepCommand.PlanAsync(run, sweep, c);
                accounts = Commands.RouteRun.Targets(env, sweep.Target, plan.Moves.SelectMany(m => m.Route.Legs).Select(l => l.AccountName));
            }
            var request = new JsonObject
            {
                ["asset"] = sweep.Request.Asset, ["to"] = sweep.Request.To.ToString(),
                ["from"] = sweep.Request.From is { } emails ? new JsonArray(emails.Select(e => (JsonNode)JsonValue.Create(e)).ToArray()) : "all sub-accounts",
                ["wallet"] = sweep.Request.Wallet.ToString().ToLowerInvariant(),
                ["min"] = WireDecimal.Format(sweep.Request.Min), ["keep"] = WireDecimal.Format(sweep.Request.Keep),
            };
            return context.Plans.Answer(new SweepPlanKind("sweep", sweep.What, plan, sweep.Target, accounts, request), sweep.Target);
        }), ct);
}
