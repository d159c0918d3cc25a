using System.CommandLine;
using System.Globalization;
using Ferry.Engine.Accounts;
using Ferry.Engine.Addresses;
using Ferry.Cli.Output;
using Ferry.Cli.Output.Json;
using Ferry.Cli.Sessions;
using Ferry.Core.Money;
using Ferry.Core.Outcomes;
using Ferry.Engine.Transfers;

namespace Ferry.Cli.Commands;

/// <summary>What <c>ferry managed deposit</c> and <c>withdraw</c> share: their arguments, their checks, and the run of
/// their one <see cref="TransferLeg"/> by <see cref="TransferLegExecutor"/>, with the same dry-run, testnet refusal and
/// mainnet CONFIRM rule (<see cref="MainnetConsent"/>) as ferry transfer.</summary>
internal static class ManagedMove
{
    /// <summary>The arguments and options of a move; <paramref name="emailOption"/> is --to (deposit) or --from (withdraw).</summary>
    public static (Argument<string> Amount, Argument<string> Asset, Option<string> Email, Option<bool> DryRun, Option<bool> Confirm, JsonAccountOptions Common)
        Symbols(string emailOption, string emailDescription) =>
        (new Argument<string>("amount") { Description = "How much to move, a plain decimal such as 100 or 0.5." },
         new Argument<string>("asset") { Description = "The asset, e.g. USDT or BTC." },
         new Option<string>(emailOption) { Description = emailDescription, Required = true },
         new Option<bool>("--dry-run") { Description = "Print the endpoint and parameters that would be sent, and send nothing." },
         new Option<bool>("--confirm") { Description = "Consent to a mainnet move without the interactive CONFIRM prompt (for scripts)." },
         JsonAccountOptions.New());

    /// <summary>Amount, asset and the account, all checked before anything opens.</summary>
    public static (decimal Amount, string Asset, SessionTarget Target) ReadMove(CliEnvironment env, string? amountText, string? assetText, string? accountName)
    {
        if (!AmountText.TryParse(amountText, TransferInput.MaxDecimalPlaces, "Binance", "The amount", out var value, out var refusal))
            throw CliException.BadInput(refusal);
        var code = CommandInput.Code(assetText, "ASSET", "an asset");
        var target = SessionTarget.Resolve(env, accountName);
        if (target.Venue != Ferry.Engine.Addresses.Venue.Binance)
            throw CliException.BadInput($"Account '{target.AccountName}' is an {target.Venue.Display()} account; managed sub-accounts are on Binance.");
        return (value, code, target);
    }

    public static async Task<int> MoveAsync(CliEnvironment env, Printer printer, SessionTarget target, TransferLeg leg, bool dryRun, bool confirmed, CancellationToken ct)
    {
        if (dryRun)
        {
            printer.Document(new LegDryRunDocument(true, PlanJson.TargetOf(target), LegPlanDocument.Of(leg)), CliJsonContext.Default.LegDryRunDocument);
            printer.Line($"Dry run on {target.AccountName} ({target.Environment.ToString().ToLowerInvariant()}); nothing sent.");
            printer.Line($"{leg.Endpoint} {string.Join("&", leg.Parameters.Select(p => $"{p.Key}={p.Value}"))}");
            return ExitCodes.Ok;
        }
        if (target.Environment == AccountEnvironment.Testnet)
            throw CliException.Refused("Binance's testnet does not serve /sapi endpoints, so it has no managed sub-accounts; use the simulator or mainnet.");
        if (target.Environment == AccountEnvironment.Mainnet)
        {
            MainnetConsent.Require(env, confirmed,
                $"Move {WireDecimal.Format(leg.Amount)} {leg.Asset} from {leg.From} to {leg.To} on MAINNET with account '{target.AccountName}' via {leg.Endpoint} ({leg.Summary}).");
        }

        // The same door and journal as every other move.
        await using var service = CliServices.Open(env, printer.Json, printer.Line);
        var proposal = Ferry.Engine.Service.TransferProposal.Of(leg, service.Account(Ferry.Engine.Addresses.Venue.Binance, target.AccountName));
        await service.ConnectAsync(proposal.LegAccounts, ct);
        await CliServices.RecoverAsync(service, printer, ct);
        var execution = await service.ExecuteAsync(proposal, ct);
        var (result, journalId) = (execution.LastSend!, execution.Entry!.Id);
        printer.Document(PlanJson.Report(journalId, PlanJson.TargetOf(target), leg, result), CliJsonContext.Default.LegReportDocument);
        var move = $"{WireDecimal.Format(leg.Amount)} {leg.Asset} from {leg.From} to {leg.To}";
        printer.Line(result.Kind switch
        {
            OutcomeKind.Done when leg is ManagedSubAccountWithdrawLeg { Request.TransferDate: { } day } =>
                $"Scheduled {move} for {day.UtcDateTime:yyyy-MM-dd} (UTC) via {leg.Endpoint}; transfer id {result.ExchangeId}.",
            OutcomeKind.Done => $"Moved {move} ({leg.Summary}) via {leg.Endpoint}; transfer id {result.ExchangeId}.",
            OutcomeKind.Rejected => $"The exchange refused to move {move}: {result.Error!.Message} (code {result.Error.Code}); nothing moved.",
            OutcomeKind.Unknown => $"The outcome of moving {move} is UNKNOWN ({OutcomeText.Reason(result.Message).TrimEnd('.')}); it may have happened. Run 'ferry journal reconcile {journalId}' before trying again.",
            _ => OutcomeText.NotSent(result.Message),
        });
        printer.Line($"Journal id {journalId}.");
        return result.Kind switch
        {
            OutcomeKind.Done => ExitCodes.Ok,
            OutcomeKind.Rejected => ExitCodes.Rejected,
            OutcomeKind.Unknown => ExitCodes.Unknown,
            _ => ExitCodes.ForNotSent(result.NotSentReason),
        };
    }
}
