using System.CommandLine;
using System.Text.Json.Nodes;
using Ferry.Accounts;
using Ferry.Addresses;
using Ferry.Cli.Output;
using Ferry.Cli.Sessions;
using Ferry.Money;
using Ferry.Outcomes;
using Ferry.Transfers;

namespace Ferry.Cli.Commands;

/// <summary><c>ferry transfer AMOUNT ASSET --from ADDR --to ADDR</c>: one move between wallets.</summary>
internal static class TransferCommand
{
    public static Command Create(CliEnvironment env)
    {
        var amount = new Argument<string>("amount") { Description = "How much to move, a plain decimal such as 100 or 0.5." };
        var asset = new Argument<string>("asset") { Description = "The asset, e.g. USDT or BTC." };
        var from = new Option<string>("--from") { Description = "The wallet to move from, e.g. spot, usdm, isolated:BTCUSDT, htx:spot, htx:swap, htx:swap:BTC-USDT.", Required = true };
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
        if (!WireDecimal.TryParse(amountText, out var amount))
            throw CliException.BadInput($"'{amountText}' is not an amount; write a plain decimal such as 100 or 0.5.");
        var request = new TransferRequest(amount, asset, WalletAddress.Parse(fromText), WalletAddress.Parse(toText));
        if (request.From.Venue == Venue.Htx || request.To.Venue == Venue.Htx)
            return await HtxCommands.TransferAsync(env, printer, request, dryRun, confirmed, accountName, ct);
        var target = SessionTarget.Resolve(env, accountName);
        var plan = TransferPlanner.Plan(request, target.AccountName, target.Venue, target.Email);

        if (dryRun)
        {
            printer.Document(new JsonObject { ["dryRun"] = true, ["target"] = PlanJson.Target(target), ["plan"] = PlanJson.Plan(plan) });
            printer.Line($"Dry run on {target.AccountName} ({target.Environment.ToString().ToLowerInvariant()}); nothing sent.");
            printer.Line($"{plan.Endpoint} {string.Join("&", plan.Parameters.Select(p => $"{p.Key}={p.Value}"))}");
            return ExitCodes.Ok;
        }

        if (target.Environment == AccountEnvironment.Testnet)
            throw CliException.Refused(
                "Binance's testnet does not serve /sapi endpoints, so wallet transfers cannot run there; use the simulator instead (omit --account, or configure a 'sim' account).");
        if (target.Environment == AccountEnvironment.Mainnet)
            MainnetConsent.Require(env, confirmed,
                $"Move {WireDecimal.Format(plan.Amount)} {plan.Asset} from {plan.From} to {plan.To} on MAINNET account '{target.AccountName}' via {plan.Endpoint} (type {plan.TransferTypeName}).");

        await using var session = await BinanceSession.OpenAsync(target, env, ct);
        printer.Line(session.Banner);
        var result = await WalletTransferExecutor.ExecuteAsync(session.Client, plan, ct);
        Report(printer, target, result);
        return result.Kind switch
        {
            OutcomeKind.Done => ExitCodes.Ok,
            OutcomeKind.Rejected => ExitCodes.Rejected,
            OutcomeKind.Unknown => ExitCodes.Unknown,
            _ => ExitCodes.ForNotSent(result.NotSentReason),
        };
    }

    private static void Report(Printer printer, SessionTarget target, TransferResult result)
    {
        var document = new JsonObject
        {
            ["target"] = PlanJson.Target(target),
            ["plan"] = PlanJson.Plan(result.Plan),
            ["outcome"] = PlanJson.OutcomeName(result.Kind),
            ["tranId"] = result.TransferId,
        };
        if (result.Error is not null) document["error"] = PlanJson.Error(result.Error);
        if (result.Kind is not (OutcomeKind.Done or OutcomeKind.Rejected)) document["message"] = result.Message;
        printer.Document(document);

        var move = $"{WireDecimal.Format(result.Plan.Amount)} {result.Plan.Asset} from {result.Plan.From} to {result.Plan.To}";
        printer.Line(result.Kind switch
        {
            OutcomeKind.Done => $"Moved {move} ({result.Plan.TransferTypeName}); transfer id {result.TransferId}.",
            OutcomeKind.Rejected => $"The exchange refused to move {move}: {result.Error!.Message} (code {result.Error.Code}); nothing moved.",
            OutcomeKind.Unknown => $"The outcome of moving {move} is UNKNOWN ({result.Message}); it may have happened. Check 'ferry history' before trying again.",
            _ => $"Not sent: {result.Message}",
        });
    }
}
