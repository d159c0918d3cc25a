using System.CommandLine;
using Ferry.Engine.Addresses;
using Ferry.Cli.Sessions;
using Ferry.Core.Money;
using Ferry.Engine.Moves;
using Ferry.Engine.Service;
using Ferry.Engine.Transfers;

namespace Ferry.Cli.Commands;

/// <summary><c>ferry sweep ASSET --to ADDR [--from-all-subaccounts | --from EMAIL...]</c>: collect an asset from sub-accounts.</summary>
internal static class SweepCommand
{
    public static Command Create(CliEnvironment env)
    {
        var asset = new Argument<string>("asset") { Description = "The asset to collect, e.g. USDT." };
        var to = new Option<string>("--to") { Description = "Where it goes, e.g. spot (the master's spot) or alice@example.com/spot.", Required = true };
        var all = new Option<bool>("--from-all-subaccounts") { Description = "Sweep every sub-account on the master's list (the default)." };
        var from = new Option<string[]>("--from") { Description = "Sweep only these sub-accounts (e-mails).", AllowMultipleArgumentsPerToken = true };
        var wallet = new Option<string>("--wallet") { Description = "The sources' wallet to sweep: spot (default), margin, usdm or coinm.", DefaultValueFactory = _ => "spot" };
        var min = new Option<string?>("--min") { Description = "Skip a source whose sweepable amount is below this." };
        var keep = new Option<string?>("--keep") { Description = "Leave this much in each source." };
        var parallel = new Option<int>("--parallel") { Description = "Moves in flight at once, 1-64 (default 16); the rate budget is never exceeded.", DefaultValueFactory = _ => 16 };
        var dryRun = new Option<bool>("--dry-run") { Description = "Read the balances and print the plan; send nothing." };
        var confirm = new Option<bool>("--confirm") { Description = "Consent to a mainnet sweep without the interactive CONFIRM prompt (for scripts)." };
        var queue = new Option<bool>("--queue") { Description = "Queue each planned move for 'ferry worker' instead of running them here; prints the unit ids." };
        var json = CommonOptions.Json();
        var account = CommonOptions.Account();
        var command = new Command("sweep", "Collect an asset from sub-accounts into one wallet, many moves at once within the rate budget.")
        {
            asset, to, all, from, wallet, min, keep, parallel, dryRun, confirm, queue, json, account,
        };
        command.SetAction((parse, ct) => RunAsync(env, new SweepOptions(parse.GetValue(asset)!, parse.GetValue(to)!, parse.GetValue(all), parse.GetValue(from),
            parse.GetValue(wallet)!, parse.GetValue(min), parse.GetValue(keep), parse.GetValue(account))
        {
            Parallel = parse.GetValue(parallel), DryRun = parse.GetValue(dryRun), Confirm = parse.GetValue(confirm), Json = parse.GetValue(json), Queue = parse.GetValue(queue),
        }, ct));
        return command;
    }

    private static async Task<int> RunAsync(CliEnvironment env, SweepOptions options, CancellationToken ct)
    {
        if (options.Parallel is < 1 or > 64) throw CliException.BadInput($"--parallel {options.Parallel} is out of range; give 1 to 64.");
        if (options.DryRun && options.Queue) throw CliException.BadInput("Give --dry-run or --queue, not both.");
        var sweep = Prepare(env, options);
        await using var run = await MovesExecution.OpenAsync(env, sweep.Target, options.Json, ct);
        var plan = await PlanAsync(run, sweep, ct);
        run.ShowPlan(sweep.What, plan, options.DryRun);
        if (options.Queue) return await run.EnqueueAsync(sweep.What, plan, Ferry.Engine.Work.WorkKind.Sweep, options.Confirm, ct);
        return options.DryRun ? ExitCodes.Ok : await run.ExecuteAsync(sweep.What, plan, options.Confirm, options.Parallel, ct);
    }

    /// <summary>A sweep's checked input: the request and the account it runs as.</summary>
    internal sealed record Setup(SweepRequest Request, SessionTarget Target)
    {
        /// <summary>"Sweep USDT into spot": how the plan and its run are named.</summary>
        public string What => $"Sweep {Request.Asset} into {Request.To}";
    }

    /// <summary>
    /// Checks every argument and the account before any session opens (bad input has no side effect); the same for
    /// <c>ferry sweep</c> and the MCP tool <c>plan_sweep</c>.
    /// </summary>
    internal static Setup Prepare(CliEnvironment env, SweepOptions options)
    {
        var (asset, toText, from, walletText, accountName) = (options.Asset, options.To, options.From, options.Wallet, options.Account);
        if (options.FromAllSubaccounts && from is { Count: > 0 })
            throw CliException.BadInput("Give either --from-all-subaccounts or --from EMAIL..., not both.");
        var wallet = WalletAddress.TryParse(walletText, out var w, out _) && w.Email is null && w.Market is null && w.Venue == Venue.Binance
            ? w.Wallet
            : throw CliException.BadInput($"--wallet '{walletText}' is not a wallet name; give spot, margin, usdm or coinm.");
        var request = new SweepRequest(asset, WalletAddress.Parse(toText), from is { Count: > 0 } ? from : null, wallet,
            Amount(options.Min, "--min"), Amount(options.Keep, "--keep")).Validated();
        var target = SessionTarget.Resolve(env, accountName);
        if (target.Venue != Venue.Binance)
            throw new TransferPlanningException($"Account '{target.AccountName}' is an {target.Venue.Display()} account; a sweep runs with a Binance master's key.");
        var (home, keys) = RoutingAccounts.For(env, target);
        if (home.IsSubAccountKey)
            throw CliException.BadInput($"Account '{target.AccountName}' is a sub-account's key; a sweep reads the sub-accounts' balances with the master's key, so run it with the master's account.");

        if (home.SubAccounts is { Count: > 0 } known)
        {
            // The same mistake as in 'ferry transfer' (an e-mail that is not a known sub-account) is the same exit code: 2.
            foreach (var source in request.From ?? [])
            {
                if (!known.Contains(source, StringComparer.OrdinalIgnoreCase))
                    throw CliException.BadInput($"--from {source} is not a known sub-account of {home.Email}; list it under the master's 'subAccounts' in accounts.json (known: {string.Join(", ", known)}).");
            }
        }
        // --to is checked before anything starts (the real routes are planned after the reads).
        TransferService.RequireSweepRoutable(request, home, keys);
        return new Setup(request, target);
    }

    /// <summary>Reads the balances with the master's session of <paramref name="run"/> and plans one move per source
    /// (sources with an unresolved journal entry are skipped); sends nothing.</summary>
    internal static async Task<MovePlan> PlanAsync(MovesExecution run, Setup sweep, CancellationToken ct)
    {
        try
        {
            return await run.Service.PlanSweepAsync(sweep.Request, run.Master, ct);
        }
        catch (BalanceReadException e)
        {
            throw MovesExecution.ReadFailed(e);
        }
    }

    private static decimal Amount(string? text, string option) =>
        text is null ? 0m
        : AmountText.TryParse(text, TransferInput.MaxDecimalPlaces, "Binance", option, out var value, out var refusal) ? value
        : throw CliException.BadInput(refusal);
}
