using System.ComponentModel;
using Ferry.Cli.Commands;
using Ferry.Cli.Output.Json;
using Ferry.Core.Money;
using Ferry.Engine.Moves;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Ferry.Cli.Mcp;

/// <summary>Sweeps (collect an asset from sub-accounts into one wallet) and rebalances (bring sub-account wallets to
/// targets with the fewest moves). Planned here from balances just read (sends nothing); run once by <c>execute_plan</c>.</summary>
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
            var sweep = SweepCommand.Prepare(env, new SweepOptions(asset, to, fromAllSubaccounts == true, from, wallet ?? "spot", min, keep, account));
            var (plan, accounts) = await PlanAsync(env, sweep.Target, run => SweepCommand.PlanAsync(run, sweep, c), c);
            var request = new SweepRequestDocument(sweep.Request.Asset, sweep.Request.To.ToString(), new SweepSourcesValue(sweep.Request.From),
                sweep.Request.Wallet.ToString().ToLowerInvariant(), WireDecimal.Format(sweep.Request.Min), WireDecimal.Format(sweep.Request.Keep));
            return context.Plans.Answer(new SweepPlanKind("sweep", sweep.What, plan, sweep.Target, accounts, request), sweep.Target);
        }), ct);

    /// <summary>The most YAML text plan_rebalance reads (a plan of a few hundred wallets fits easily).</summary>
    public const int MaxTargetsLength = 64 * 1024;

    [McpServerTool(Name = "plan_rebalance", Title = "Plan a rebalance", ReadOnly = true, OpenWorld = true)]
    [Description("Plans moving money between sub-account wallets until each holds its target, with the fewest moves, exactly as 'ferry rebalance --dry-run': reads the listed wallets' balances with the master's key (reads only) and SENDS NOTHING; returns the moves (legs with endpoint, account, IP/UID weight) and a plan id for execute_plan. 'targets' is the YAML TEXT of a rebalance plan (not a file name), e.g. \"assets:\\n  USDT:\\n    alice@example.com/spot: 100\\n    bob@example.com/spot: rest\\n\"; a target is an amount, a share such as 25% or rest. Wallets: a sub-account's spot, margin, usdm or coinm.")]
    [ToolOutput("A rebalance plan: its id, expiry, moves and wallets left alone; nothing was sent.", "planId", "kind", "expiresAt", "target", "request", "moves", "skipped", "uidWeight", "ipWeight", "needsConfirmation", "sent")]
    public Task<CallToolResult> PlanRebalance(
        [Description("The rebalance plan as YAML text (what a PLAN.yaml for 'ferry rebalance' holds), at most 64 KiB.")] string targets,
        [Description(AccountTools.AccountParameter)] string? account = null,
        CancellationToken ct = default) =>
        context.Boundary.RunAsync("plan_rebalance", c => context.Bridge.WithEnvironmentAsync(async env =>
        {
            if (targets is null || targets.Length > MaxTargetsLength)
                throw new ToolInputException($"'targets' holds more than {MaxTargetsLength} characters; give a smaller rebalance plan.");
            var rebalance = RebalanceCommand.Prepare(env, targets, account);
            var (plan, accounts) = await PlanAsync(env, rebalance.Target, run => RebalanceCommand.PlanAsync(run, rebalance, c), c);
            var assets = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
            foreach (var asset in rebalance.Targets)
            {
                var wallets = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var w in asset.Wallets)
                {
                    wallets[w.Wallet.ToString()] = w.Kind switch
                    {
                        TargetKind.Share => WireDecimal.Format(w.Value) + "%",
                        TargetKind.Rest => "rest",
                        _ => WireDecimal.Format(w.Value),
                    };
                }

                assets[asset.Asset] = wallets;
            }
            return context.Plans.Answer(new SweepPlanKind("rebalance", "Rebalance", plan, rebalance.Target, accounts, new RebalanceRequestDocument(assets)),
                rebalance.Target);
        }), ct);

    /// <summary>As <c>ferry sweep/rebalance --dry-run</c>: opens the session and the journal once (recovering first), plans
    /// with <paramref name="plan"/>, and names the target of every account a leg uses; sends nothing.</summary>
    private static async Task<(MovePlan Plan, IReadOnlyDictionary<string, Sessions.SessionTarget> Accounts)> PlanAsync(CliEnvironment env,
        Sessions.SessionTarget target, Func<MovesExecution, Task<MovePlan>> plan, CancellationToken ct)
    {
        await using var run = await MovesExecution.OpenAsync(env, target, json: true, ct);
        var moves = await plan(run);
        var accounts = new Dictionary<string, Sessions.SessionTarget>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in moves.Moves.SelectMany(m => m.Route.Legs).Select(l => l.AccountName))
        {
            if (!accounts.ContainsKey(name))
                accounts[name] = string.Equals(name, target.AccountName, StringComparison.OrdinalIgnoreCase) ? target : Sessions.SessionTarget.Resolve(env, name);
        }

        return (moves, accounts);
    }
}
