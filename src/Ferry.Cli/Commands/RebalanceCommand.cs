using System.CommandLine;
using Ferry.Engine.Addresses;
using Ferry.Cli.Sessions;
using Ferry.Core.Files;
using Ferry.Engine.Moves;
using Ferry.Engine.Service;
using Ferry.Engine.Transfers;

namespace Ferry.Cli.Commands;

/// <summary><c>ferry rebalance PLAN.yaml</c>: bring sub-account wallets to target amounts or shares with the fewest moves.</summary>
internal static class RebalanceCommand
{
    public static Command Create(CliEnvironment env)
    {
        var file = new Argument<string>("plan") { Description = "The YAML plan: targets per asset per wallet (docs/cli.md)." };
        var parallel = new Option<int>("--parallel") { Description = "Moves in flight at once, 1-64 (default 16); the rate budget is never exceeded.", DefaultValueFactory = _ => 16 };
        var dryRun = new Option<bool>("--dry-run") { Description = "Read the balances and print the moves; send nothing." };
        var confirm = new Option<bool>("--confirm") { Description = "Consent to a mainnet rebalance without the interactive CONFIRM prompt (for scripts)." };
        var queue = new Option<bool>("--queue") { Description = "Queue each planned move for 'ferry worker' instead of running them here; prints the unit ids." };
        var json = CommonOptions.Json();
        var account = CommonOptions.Account();
        var command = new Command("rebalance", "Move money between sub-account wallets until each holds its target amount or share, with the fewest moves.")
        {
            file, parallel, dryRun, confirm, queue, json, account,
        };
        command.SetAction((parse, ct) => RunAsync(env, new RebalanceOptions(parse.GetValue(file)!, parse.GetValue(parallel), parse.GetValue(dryRun),
            parse.GetValue(confirm), parse.GetValue(json), parse.GetValue(account)) { Queue = parse.GetValue(queue) }, ct));
        return command;
    }

    /// <summary>The most a rebalance plan file may hold (the MCP tool takes at most 64 KiB of text).</summary>
    private const long MaxPlanFileBytes = 1024 * 1024;

    private static async Task<int> RunAsync(CliEnvironment env, RebalanceOptions options, CancellationToken ct)
    {
        var (path, parallel) = (options.PlanPath, options.Parallel);
        // The whole file is checked before any session opens: bad input has no side effect.
        if (parallel is < 1 or > 64) throw CliException.BadInput($"--parallel {parallel} is out of range; give 1 to 64.");
        if (options.DryRun && options.Queue) throw CliException.BadInput("Give --dry-run or --queue, not both.");
        string yaml;
        try
        {
            yaml = BoundedFile.ReadAllText(path, MaxPlanFileBytes);
        }
        catch (BoundedFileException e)
        {
            throw CliException.BadInput($"The rebalance file {path} {e.Reason}.");
        }
        var rebalance = Prepare(env, yaml, options.Account);
        await using var run = await MovesExecution.OpenAsync(env, rebalance.Target, options.Json, ct);
        var plan = await PlanAsync(run, rebalance, ct);
        run.ShowPlan("Rebalance", plan, options.DryRun);
        if (options.Queue) return await run.EnqueueAsync("Rebalance", plan, Ferry.Engine.Work.WorkKind.Rebalance, options.Confirm, ct);
        return options.DryRun ? ExitCodes.Ok : await run.ExecuteAsync("Rebalance", plan, options.Confirm, parallel, ct);
    }

    /// <summary>A rebalance's checked input: the targets and the account it runs as.</summary>
    internal sealed record Setup(IReadOnlyList<AssetTargets> Targets, SessionTarget Target);

    /// <summary>
    /// Checks the YAML targets and the account before any session opens (bad input has no side effect); the same for
    /// <c>ferry rebalance</c> (the file's text) and the MCP tool <c>plan_rebalance</c> (the text itself, never a path).
    /// </summary>
    internal static Setup Prepare(CliEnvironment env, string yaml, string? accountName)
    {
        var targets = RebalanceFile.Parse(yaml);
        var target = SessionTarget.Resolve(env, accountName);
        if (target.Venue != Venue.Binance)
            throw new TransferPlanningException($"Account '{target.AccountName}' is an {target.Venue.Display()} account; a rebalance runs with a Binance master's key.");
        var (home, keys) = RoutingAccounts.For(env, target);
        if (home.IsSubAccountKey)
            throw CliException.BadInput($"Account '{target.AccountName}' is a sub-account's key; a rebalance reads the sub-accounts' balances with the master's key, so run it with the master's account.");
        // Every pair of listed wallets of sub-accounts that accounts.json knows must be routable: checked before anything starts.
        TransferService.RequireRebalanceRoutable(targets, home, keys);
        return new Setup(targets, target);
    }

    /// <summary>Refuses when a listed wallet has an unresolved journal entry, then reads the balances with the master's
    /// session of <paramref name="run"/> and plans the fewest moves; sends nothing.</summary>
    internal static async Task<MovePlan> PlanAsync(MovesExecution run, Setup rebalance, CancellationToken ct)
    {
        var unresolved = await run.UnresolvedFromAsync(ct);
        foreach (var asset in rebalance.Targets)
        {
            foreach (var w in asset.Wallets)
            {
                if (unresolved(w.Wallet.Email!) is { } reason)
                    throw CliException.Refused($"Not rebalancing: {w.Wallet}'s {reason}.");
            }
        }

        try
        {
            return await run.Service.PlanRebalanceAsync(rebalance.Targets, run.Master, ct);
        }
        catch (BalanceReadException e)
        {
            throw MovesExecution.ReadFailed(e);
        }
    }
}
