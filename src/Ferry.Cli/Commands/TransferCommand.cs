using System.CommandLine;
using System.Text.Json.Nodes;
using Ferry.Engine.Accounts;
using Ferry.Engine.Addresses;
using Ferry.Cli.Output;
using Ferry.Cli.Sessions;
using Ferry.Core.Money;
using Ferry.Core.Outcomes;
using Ferry.Engine.Routing;
using Ferry.Engine.Transfers;

namespace Ferry.Cli.Commands;

/// <summary><c>ferry transfer AMOUNT ASSET --from ADDR --to ADDR</c>: one move between wallets.</summary>
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
        var json = CommonOptions.Json();
        var account = CommonOptions.Account();

        var command = new Command("transfer", "Move an asset between two wallets; prints the exchange's transfer id.")
        {
            amount, asset, from, to, dryRun, confirm, json, account,
        };
        command.SetAction((parse, ct) => RunAsync(env, new Printer(env, parse.GetValue(json)),
            parse.GetValue(amount)!, parse.GetValue(asset)!, parse.GetValue(from)!, parse.GetValue(to)!,
            parse.GetValue(dryRun), parse.GetValue(confirm), parse.GetValue(account), ct));
        return command;
    }

    private static async Task<int> RunAsync(CliEnvironment env, Printer printer, string amountText, string asset,
        string fromText, string toText, bool dryRun, bool confirmed, string? accountName, CancellationToken ct)
    {
        // Everything is checked before any session opens: bad input has no side effect.
        var (fromAddress, toAddress) = (WalletAddress.Parse(fromText), WalletAddress.Parse(toText));
        var venue = fromAddress.Venue == Venue.Htx || toAddress.Venue == Venue.Htx ? "HTX" : "Binance";
        if (!AmountText.TryParse(amountText, TransferPlanner.MaxDecimalPlaces, venue, "The amount", out var amount, out var refusal))
            throw CliException.BadInput(refusal);
        var request = new TransferRequest(amount, asset, fromAddress, toAddress);
        if (request.From.Venue == Venue.Htx || request.To.Venue == Venue.Htx)
            return await HtxCommands.TransferAsync(env, printer, request, dryRun, confirmed, accountName, ct);
        var target = SessionTarget.Resolve(env, accountName);
        if (target.Venue != Venue.Binance)
            throw new TransferPlanningException($"Account '{target.AccountName}' is an {target.Venue.Display()} account, but the move names Binance wallets.");
        var (home, keys) = RoutingAccounts.For(env, target);
        var plan = TransferRouter.Plan(request, home, keys);
        if (plan.Legs.Count > 1) return await RouteAsync(env, printer, target, plan, dryRun, confirmed, ct);
        var leg = plan.Legs.Single();
        var legTarget = string.Equals(leg.AccountName, target.AccountName, StringComparison.OrdinalIgnoreCase)
            ? target
            : SessionTarget.Resolve(env, leg.AccountName);

        if (dryRun)
        {
            printer.Document(new JsonObject
            {
                ["dryRun"] = true, ["target"] = PlanJson.Target(legTarget), ["plan"] = LegJson.Plan(leg),
                ["legs"] = new JsonArray(RouteRun.Leg(leg, 1)), ["ipWeight"] = plan.IpWeight, ["uidWeight"] = plan.UidWeight,
            });
            printer.Line($"Dry run on {legTarget.AccountName} ({legTarget.Environment.ToString().ToLowerInvariant()}); nothing sent.");
            printer.Line($"{leg.Endpoint} {string.Join("&", leg.Parameters.Select(p => $"{p.Key}={p.Value}"))}");
            printer.Line($"One leg as '{leg.AccountName}': weight IP {plan.IpWeight}, UID {plan.UidWeight}.");
            return ExitCodes.Ok;
        }

        if (legTarget.Environment == AccountEnvironment.Testnet)
            throw CliException.Refused(
                "Binance's testnet does not serve /sapi endpoints, so wallet transfers cannot run there; use the simulator instead (omit --account, or configure a 'sim' account).");
        if (legTarget.Environment == AccountEnvironment.Mainnet)
            MainnetConsent.Require(env, confirmed,
                $"Move {WireDecimal.Format(leg.Amount)} {leg.Asset} from {leg.From} to {leg.To} on MAINNET with account '{legTarget.AccountName}' via {leg.Endpoint} ({leg.Summary}).");

        await using var session = await BinanceSession.OpenAsync(legTarget, env, ct);
        printer.Line(session.Banner);
        var (result, journalId) = await JournaledLegSend.SendAsync(env, printer, session, legTarget.AccountName, leg, ct);
        Report(printer, legTarget, result, journalId);
        return result.Kind switch
        {
            OutcomeKind.Done => ExitCodes.Ok,
            OutcomeKind.Rejected => ExitCodes.Rejected,
            OutcomeKind.Unknown => ExitCodes.Unknown,
            _ => ExitCodes.ForNotSent(result.NotSentReason),
        };
    }

    /// <summary>A route of several legs: listed by --dry-run, else journaled and run leg after leg.</summary>
    private static async Task<int> RouteAsync(CliEnvironment env, Printer printer, SessionTarget target, TransferPlan plan,
        bool dryRun, bool confirmed, CancellationToken ct)
    {
        var targets = RouteRun.Targets(env, target, plan.Legs.Select(l => l.AccountName));
        if (dryRun)
        {
            printer.Line($"Dry run: {plan.Legs.Count} legs, each only after the previous one is done; nothing sent.");
            var legs = RouteRun.DryRunLegs(printer, plan);
            printer.Document(new JsonObject
            {
                ["dryRun"] = true, ["target"] = PlanJson.Target(target), ["legs"] = legs,
                ["ipWeight"] = plan.IpWeight, ["uidWeight"] = plan.UidWeight,
                ["intermediates"] = new JsonArray(plan.Intermediates.Select(a => (JsonNode)a.ToString()).ToArray()),
            });
            return ExitCodes.Ok;
        }

        RouteRun.RequireConsent(env, targets, confirmed,
            RouteRun.Summary(plan.Legs.Select(l => (l.Endpoint, l.AccountName, l.From.ToString(), l.To.ToString())), plan.Request.Amount, plan.Request.Asset));
        var sessions = await RouteRun.OpenAsync(env, targets, ct);
        try
        {
            foreach (var session in sessions.Values.DistinctBy(s => s.Banner)) printer.Line(session.Banner);
            printer.Line($"Route of {plan.Legs.Count} legs; each is sent only after the previous one is done.");
            var (result, last) = await JournaledLegSend.RouteAsync(env, printer, sessions, plan, null, ct);
            RouteRun.Report(printer, result);
            return RouteRun.ExitCode(result, last);
        }
        finally
        {
            await RouteRun.CloseAsync(sessions);
        }
    }

    private static void Report(Printer printer, SessionTarget target, LegResult result, string journalId)
    {
        var leg = result.Leg;
        var document = new JsonObject
        {
            ["journalId"] = journalId,
            ["target"] = PlanJson.Target(target),
            ["plan"] = LegJson.Plan(leg),
            ["outcome"] = PlanJson.OutcomeName(result.Kind),
            ["tranId"] = LegJson.Id(result.TransferId),
        };
        if (result.Error is not null) document["error"] = PlanJson.Error(result.Error);
        if (result.Kind is not (OutcomeKind.Done or OutcomeKind.Rejected)) document["message"] = result.Message;
        printer.Document(document);

        var move = $"{WireDecimal.Format(leg.Amount)} {leg.Asset} from {leg.From} to {leg.To}";
        var lookUp = leg.ClientTranId is null
            ? "check 'ferry history'"
            : $"look it up by clientTranId {leg.ClientTranId} with 'ferry history --sub'";
        printer.Line($"Journal id {journalId}.");
        printer.Line(result.Kind switch
        {
            OutcomeKind.Done => $"Moved {move} ({leg.Summary}) via {leg.Endpoint}; transfer id {result.TransferId}"
                + (leg.ClientTranId is null ? "." : $", clientTranId {leg.ClientTranId}."),
            OutcomeKind.Rejected => $"The exchange refused to move {move}: {result.Error!.Message} (code {result.Error.Code}); nothing moved.",
            OutcomeKind.Unknown => $"The outcome of moving {move} is UNKNOWN ({OutcomeText.Reason(result.Message).TrimEnd('.')}); it may have happened. Run 'ferry journal reconcile {journalId}' (or {lookUp}) before trying again.",
            _ => OutcomeText.NotSent(result.Message),
        });
    }
}
