using System.CommandLine;
using System.Globalization;
using Ferry.Cli.Output;
using Ferry.Cli.Output.Json;
using Ferry.Cli.Sessions;
using Ferry.Engine.History;
using Ferry.Core.Money;
using Ferry.Core.Outcomes;
using Ferry.Binance.Wallet;
using Ferry.Engine.Transfers;

namespace Ferry.Cli.Commands;

/// <summary><c>ferry history</c>: the exchange's own record of transfers, newest first.</summary>
internal static class HistoryCommand
{
    public static Command Create(CliEnvironment env)
    {
        var type = new Option<string?>("--type") { Description = "Only this universal transfer type, e.g. MAIN_UMFUTURE (default: every type)." };
        var days = new Option<int>("--days") { Description = "How many days back to look: 1..180, or 1..30 with --margin.", DefaultValueFactory = _ => 7 };
        var margin = new Option<bool>("--margin") { Description = "Show cross-margin transfer history (GET /sapi/v1/margin/transfer) instead." };
        var isolated = new Option<string?>("--isolated") { Description = "With --margin: the isolated margin symbol, e.g. BTCUSDT." };
        var asset = new Option<string?>("--asset") { Description = "Only this asset." };
        var fromSymbol = new Option<string?>("--from-symbol") { Description = "Isolated symbol of the source, needed for types out of isolated margin." };
        var toSymbol = new Option<string?>("--to-symbol") { Description = "Isolated symbol of the target, needed for types into isolated margin." };
        var sub = new Option<bool>("--sub") { Description = "Show transfers between the master and its sub-accounts instead (1..30 days)." };
        var json = CommonOptions.Json();
        var account = CommonOptions.Account();
        var venue = new Option<string?>("--venue") { Description = "binance (default) or htx: HTX spot-swap transfers from GET /v2/account/ledger." };
        var command = new Command("history", "Show transfers as the exchange records them, newest first.")
        {
            type, days, margin, isolated, asset, fromSymbol, toSymbol, sub, json, account, venue,
        };
        command.SetAction((parse, ct) => RunAsync(env, new HistoryOptions
        {
            Type = parse.GetValue(type), Days = parse.GetValue(days), Margin = parse.GetValue(margin), Isolated = parse.GetValue(isolated),
            Asset = parse.GetValue(asset), FromSymbol = parse.GetValue(fromSymbol), ToSymbol = parse.GetValue(toSymbol), Sub = parse.GetValue(sub),
            Json = parse.GetValue(json), Account = parse.GetValue(account), Venue = parse.GetValue(venue),
        }, ct));
        return command;
    }

    /// <summary>Sends the HTX and --sub readings on to their own runs; reads Binance's wallet or margin history itself.</summary>
    private static Task<int> RunAsync(CliEnvironment env, HistoryOptions options, CancellationToken ct)
    {
        var printer = new Printer(env, options.Json);
        if (HtxTarget.IsWanted(env, options.Venue, options.Account))
        {
            if (options.BinanceOnly || options.Sub)
                throw CliException.BadInput("--type, --margin, --isolated, --from-symbol, --to-symbol and --sub apply to Binance history, not to HTX.");
            return HtxCommands.HistoryAsync(env, printer, options.Days, options.Asset, options.Account, ct);
        }
        return options.Sub ? SubAccountHistory.RunAsync(env, printer, options, ct) : WalletHistoryAsync(env, printer, options, ct);
    }

    private static async Task<int> WalletHistoryAsync(CliEnvironment env, Printer printer, HistoryOptions options, CancellationToken ct)
    {
        var (type, days, margin) = (options.Type, options.Days, options.Margin);
        var maxDays = margin ? 30 : 180;
        if (days < 1 || days > maxDays)
            throw CliException.BadInput($"--days {days} is out of range; the {(margin ? "margin" : "wallet")} history covers 1 to {maxDays} days.");
        var fromSymbol = Symbol(options.FromSymbol, "--from-symbol");
        var toSymbol = Symbol(options.ToSymbol, "--to-symbol");
        if (margin && (fromSymbol ?? toSymbol) is not null)
            throw CliException.BadInput("--from-symbol and --to-symbol apply to wallet history; with --margin use --isolated.");
        var selections = UniversalHistorySelection.AllTypes(fromSymbol, toSymbol);
        if (type is not null)
        {
            if (margin) throw CliException.BadInput("--type applies to wallet history, not to --margin; use one or the other.");
            if (!UniversalTransferTypes.TryParse(type.ToUpperInvariant(), out var chosen))
                throw CliException.BadInput($"'{type}' is not a universal transfer type; e.g. MAIN_UMFUTURE, UMFUTURE_MAIN, MAIN_FUNDING.");
            if (chosen.NeedsFromSymbol() && fromSymbol is null)
                throw CliException.BadInput($"{chosen.WireName()} moves out of isolated margin, so Binance needs --from-symbol, e.g. BTCUSDT.");
            if (chosen.NeedsToSymbol() && toSymbol is null)
                throw CliException.BadInput($"{chosen.WireName()} moves into isolated margin, so Binance needs --to-symbol, e.g. BTCUSDT.");
            selections = [new UniversalHistorySelection(chosen, chosen.NeedsFromSymbol() ? fromSymbol : null, chosen.NeedsToSymbol() ? toSymbol : null)];
        }
        if (options.Isolated is not null && !margin) throw CliException.BadInput("--isolated needs --margin.");
        var isolated = Symbol(options.Isolated, "--isolated");
        var assetName = options.Asset is null ? null : TransferInput.ValidateAsset(options.Asset);

        var target = SessionTarget.Resolve(env, options.Account);
        if (target.Environment == Ferry.Engine.Accounts.AccountEnvironment.Testnet)
            throw CliException.Refused("Binance's testnet does not serve /sapi endpoints, so it has no transfer history; use the simulator instead.");
        await using var service = CliServices.Open(env, printer.Json, printer.Line);
        var account = service.Account(Ferry.Engine.Addresses.Venue.Binance, target.AccountName);
        await service.ConnectAsync([account], ct);

        var end = env.Time.GetUtcNow();
        var start = end.AddDays(-days);
        HistoryQuery query = margin ? new MarginHistoryQuery(assetName, isolated, start, end) : new WalletHistoryQuery(selections, start, end);
        var outcome = await service.HistoryAsync(account, query, ct);

        if (outcome is not Done<IReadOnlyList<TransferHistoryEntry>> done)
        {
            printer.Document(OutcomeFailureDocument.For(TargetDocument.For(target.AccountName, target.Environment), outcome), CliJsonContext.Default.OutcomeFailureDocument);
            printer.Line($"Could not read the history: {OutcomeText.Once(outcome.Describe())}");
            return OutcomeExitCode.Of(outcome);
        }

        var rows = done.Value.Where(r => assetName is null || r.Asset == assetName).OrderByDescending(r => r.Time).ThenByDescending(r => r.TransferId).ToList();
        printer.Document(new WalletHistoryDocument(TargetDocument.For(target.AccountName, target.Environment), margin ? "GET /sapi/v1/margin/transfer" : "GET /sapi/v1/asset/transfer",
            start.ToUnixTimeMilliseconds(), end.ToUnixTimeMilliseconds(), [.. rows.Select(WalletTransferDocument.Of)]),
            CliJsonContext.Default.WalletHistoryDocument);
        var table = Printer.NewTable("Time (UTC)", "Id", "Type", "Asset", "Amount", "Status");
        foreach (var r in rows)
        {
            var kind = r.From is null ? r.Type : $"{r.Type} {r.From}→{r.To}";
            Printer.AddRow(table, r.Time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                r.TransferId.ToString(CultureInfo.InvariantCulture), kind, r.Asset, WireDecimal.Format(r.Amount), r.Status);
        }
        printer.Table(table);
        printer.Line(rows.Count == 0 ? $"No transfers in the last {days} days." : $"{rows.Count} transfer(s) in the last {days} days.");
        if (!margin && type is null && fromSymbol is null && toSymbol is null)
            printer.Line("Transfers into or out of isolated margin are listed with --from-symbol/--to-symbol, or with --margin --isolated SYMBOL.");
        return ExitCodes.Ok;
    }

    private static string? Symbol(string? symbol, string option)
    {
        if (symbol is null) return null;
        var upper = symbol.ToUpperInvariant();
        return upper.Length is >= 2 and <= 20 && upper.All(char.IsAsciiLetterOrDigit)
            ? upper
            : throw CliException.BadInput($"{option} '{symbol}' is not a symbol; write it like BTCUSDT.");
    }
}
