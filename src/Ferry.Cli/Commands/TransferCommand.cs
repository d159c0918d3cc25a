using System.CommandLine;
using System.Text.Json.Nodes;
using Ferry.Cli.Output;
using Ferry.Cli.Output.Json;
using Ferry.Cli.Sessions;
using Ferry.Core.Money;
using Ferry.Core.Outcomes;
using Ferry.Engine.Accounts;
using Ferry.Engine.Addresses;
using Ferry.Engine.Service;
using Ferry.Engine.Transfers;
using Ferry.Engine.Work;

namespace Ferry.Cli.Commands;

/// <summary><c>ferry transfer AMOUNT ASSET --from ADDR --to ADDR</c>: one move between wallets, on any venue, through the
/// engine's <see cref="TransferService"/>: parse, plan, (dry run or consent), execute, render.</summary>
internal static class TransferCommand
{
    public static Command Create(CliEnvironment env)
    {
        var amount = new Argument<string>("amount") { Description = "How much to move, a plain decimal such as 100 or 0.5." };
        var asset = new Argument<string>("asset") { Description = "The asset, e.g. USDT or BTC." };
        var from = new Option<string>("--from") { Description = "The wallet to move from, e.g. spot, usdm, isolated:BTCUSDT, alice@example.com/usdm, htx:spot, htx:swap:BTC-USDT.", Required = true };
        var to = new Option<string>("--to") { Description = "The wallet to move to.", Required = true };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the endpoint and parameters that would be sent, and send nothing." };
        var confirm = new Option<bool>("--confirm") { Description = "Consent to a mainnet move without the interactive CONFIRM prompt (for scripts)." };
        var queue = new Option<bool>("--queue") { Description = "Queue the move for 'ferry worker' instead of running it here; prints the unit id." };
        var json = CommonOptions.Json();
        var account = CommonOptions.Account();

        var command = new Command("transfer", "Move an asset between two wallets; prints the exchange's transfer id.")
        {
            amount, asset, from, to, dryRun, confirm, queue, json, account,
        };
        command.SetAction((parse, ct) => RunAsync(env, new Printer(env, parse.GetValue(json)), new TransferOptions(
            parse.GetValue(amount)!, parse.GetValue(asset)!, parse.GetValue(from)!, parse.GetValue(to)!,
            parse.GetValue(dryRun), parse.GetValue(confirm), parse.GetValue(account)) { Queue = parse.GetValue(queue) }, ct));
        return command;
    }

    private static async Task<int> RunAsync(CliEnvironment env, Printer printer, TransferOptions options, CancellationToken ct)
    {
        // Everything is checked and planned before any session opens: bad input has no side effect.
        if (options.DryRun && options.Queue) throw CliException.BadInput("Give --dry-run or --queue, not both.");
        var request = Request(options);
        var htx = request.From.Venue == Venue.Htx || request.To.Venue == Venue.Htx;
        var accountName = htx ? HtxTarget.Resolve(env, options.Account).AccountName : SessionTarget.Resolve(env, options.Account).AccountName;
        await using var service = CliServices.Open(env, printer.Json, printer.Line);
        var proposal = await service.PlanAsync(request, accountName, ct);

        if (options.DryRun)
        {
            // The policy's decision as it would be now, read without writing (no policy file: none is shown).
            var preview = await service.PreviewPolicyAsync(proposal, ct);
            var policy = ReferenceEquals(preview.Decision, Ferry.Engine.Policy.PolicyDecision.NoPolicy) ? null : PolicyPreviewDocument.Of(preview, env.Time.GetUtcNow());
            if (htx) TransferRender.HtxDryRun(printer, proposal, policy);
            else if (proposal.IsRoute) TransferRender.RouteDryRun(printer, proposal, policy);
            else TransferRender.LegDryRun(printer, proposal, policy);
            return ExitCodes.Ok;
        }

        TransferService.RequireRunnable(proposal.LegAccounts);
        if (proposal.TouchesMainnet) MainnetConsent.Require(env, options.Confirmed, TransferRender.ConsentSummary(proposal));
        if (options.Queue)
        {
            // Consent stays at the front: a worker never asks, so the confirmation is recorded with the unit.
            var order = new WorkOrder(WorkKind.Transfer, proposal.Home.Name, proposal.Request, proposal.TouchesMainnet ? env.Time.GetUtcNow() : null);
            return await QueueSubmission.EnqueueAsync(env, printer, [order], jsonLine: false, ct);
        }
        await service.ConnectAsync(proposal.LegAccounts, ct);
        if (proposal.IsRoute) printer.Line($"Route of {proposal.Legs.Count} legs; each is sent only after the previous one is done.");
        await CliServices.RecoverAsync(service, printer, ct);
        var execution = await service.ExecuteAsync(proposal, ct);
        if (execution.Route is { } route)
        {
            RouteRun.Report(printer, route);
            return RouteRun.ExitCode(route, execution.LastSend);
        }
        var result = execution.LastSend!;
        if (htx) TransferRender.HtxReport(printer, proposal, execution);
        else TransferRender.LegReport(printer, proposal, execution);
        return result.Kind switch
        {
            OutcomeKind.Done => ExitCodes.Ok,
            OutcomeKind.Rejected => ExitCodes.Rejected,
            OutcomeKind.Unknown => ExitCodes.Unknown,
            _ => ExitCodes.ForNotSent(result.NotSentReason),
        };
    }

    private static TransferRequest Request(TransferOptions options)
    {
        var (from, to) = (WalletAddress.Parse(options.From), WalletAddress.Parse(options.To));
        var venue = from.Venue == Venue.Htx || to.Venue == Venue.Htx ? "HTX" : "Binance";
        if (!AmountText.TryParse(options.Amount, TransferInput.MaxDecimalPlaces, venue, "The amount", out var amount, out var refusal))
            throw CliException.BadInput(refusal);
        return new TransferRequest(amount, options.Asset, from, to);
    }
}
