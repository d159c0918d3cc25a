using Ferry.Cli.Output;
using Ferry.Cli.Output.Json;
using Ferry.Cli.Sessions;
using Ferry.Core.Money;
using Ferry.Core.Outcomes;
using Ferry.Engine.Addresses;
using Ferry.Engine.Balances;
using Spectre.Console;

namespace Ferry.Cli.Commands;

/// <summary><c>ferry balances</c> on a real Binance account: the master's own wallets through the exchange's endpoints,
/// and with <c>--subaccounts</c> every sub-account's, with totals per asset. A read never needs CONFIRM.</summary>
internal static class AccountBalancesCommand
{
    public static async Task<int> RunAsync(CliEnvironment env, Printer printer, SessionTarget target, string? owner, bool subAccounts, CancellationToken ct)
    {
        await using var service = CliServices.Open(env, printer.Json, printer.Line);
        var account = service.Account(Venue.Binance, target.AccountName);
        BalanceSheet sheet;
        if (subAccounts && !printer.Json && env.IsInteractive && !Console.IsOutputRedirected)
        {
            // Many sub-accounts take many reads (the limiter paces them to the rate budget): a bar shows how far it is.
            sheet = null!;
            await ConsoleFactory.For(env.Out, isTerminal: true).Progress().StartAsync(async ctx =>
            {
                var bar = ctx.AddTask("Reading sub-accounts", maxValue: 1);
                sheet = await service.BalanceSheetAsync(account, subAccounts, new System.Progress<(int Done, int Of)>(p =>
                {
                    bar.MaxValue = Math.Max(p.Of, 1);
                    bar.Value = p.Done;
                }), ct);
                bar.Value = bar.MaxValue;
            });
        }
        else
        {
            sheet = await service.BalanceSheetAsync(account, subAccounts, progress: null, ct);
        }

        var shown = owner is null ? sheet : sheet.Of(owner);
        var rows = shown.Rows;
        printer.Document(() => new AccountBalancesDocument(TargetDocument.For(target.AccountName, target.Environment),
            [.. rows.Select(r => new BalanceDocument(r.Owner, r.Wallet, r.Symbol, r.Asset, WireDecimal.Format(r.Amount)))],
            [.. shown.Totals.Select(t => new AssetTotalDocument(t.Key, WireDecimal.Format(t.Value)))],
            [.. shown.Unread.Select(u => new UnreadWalletDocument(u.Owner, u.Wallet, OutcomeNames.Of(u.Kind), u.Message))]),
            CliJsonContext.Default.AccountBalancesDocument);

        printer.Line($"Binance {target.Environment.ToString().ToUpperInvariant()} account '{target.AccountName}': balances read through the exchange's endpoints.");
        var table = Printer.NewTable("Owner", "Wallet", "Asset", "Amount", "Available");
        foreach (var r in rows)
            Printer.AddRow(table, r.Owner, r.Symbol is null ? r.Wallet : $"{r.Wallet}:{r.Symbol}", r.Asset, WireDecimal.Format(r.Amount), WireDecimal.Format(r.Available));
        printer.Table(table);
        if (rows.Count == 0) printer.Line("No balances.");
        var totals = Printer.NewTable("Asset", "Total");
        foreach (var (asset, total) in shown.Totals) Printer.AddRow(totals, asset, WireDecimal.Format(total));
        if (rows.Count > 0) printer.Table(totals);
        foreach (var u in shown.Unread) printer.Line($"Not read: {u.Owner} {u.Wallet} ({OutcomeNames.Of(u.Kind)}): {u.Message}");

        // A wallet the exchange says is not open (Rejected) is shown as such; a read not sent or of unknown outcome is not a full answer.
        return shown.Unread.Any(u => u.Kind == OutcomeKind.Unknown) ? ExitCodes.Unknown
            : shown.Unread.Any(u => u.Kind == OutcomeKind.NotSent) ? ExitCodes.ForNotSent(null)
            : ExitCodes.Ok;
    }
}
