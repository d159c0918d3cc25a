using System.CommandLine;
using Ferry.Binance.ManagedSubAccount;
using Ferry.Binance.Models;
using Ferry.Cli.Output;
using static Ferry.Core.Money.WireDecimal;

namespace Ferry.Cli.Commands;

/// <summary><c>ferry managed futures-assets</c>: a managed sub-account's futures assets and positions.</summary>
internal static class ManagedFuturesAssetsCommand
{
    public static Command Create(CliEnvironment env)
    {
        var common = JsonAccountOptions.New();
        var email = new Argument<string>("EMAIL") { Description = "The managed sub-account." };
        var coinm = new Option<bool>("--coinm") { Description = "COIN-M futures (default: USDⓈ-M)." };
        var command = common.Add(new Command("futures-assets", "A managed sub-account's futures assets and positions.") { email, coinm });
        command.SetAction((parse, ct) => RunAsync(env,
            new ManagedFuturesAssetsOptions(parse.GetValue(email), parse.GetValue(coinm), parse.GetValue(common.Json), parse.GetValue(common.Account)), ct));
        return command;
    }

    private static Task<int> RunAsync(CliEnvironment env, ManagedFuturesAssetsOptions options, CancellationToken ct)
    {
        var query = new ManagedSubAccountFuturesQuery(CommandInput.Email(options.Email))
        {
            AccountType = options.CoinM ? ManagedFuturesAccountType.CoinFuture : null,
        };
        CommandInput.Check(query.Validate());
        var printer = new Printer(env, options.Json);
        return SapiQuery.ManagedSubAccounts(env, printer, options.Account).RunAsync(c => c.ManagedSubAccount.GetFuturesAssetsAsync(query, ct),
            BinanceJsonContext.Default.ManagedSubAccountFuturesAssets, r =>
            {
                var table = Printer.NewTable("Asset", "Wallet balance", "Margin balance");
                var positions = Printer.NewTable("Symbol", "Amount", "Entry", "Mark");
                foreach (var s in r.SnapshotVos)
                {
                    foreach (var a in s.Data.Assets) Printer.AddRow(table, a.Asset, Format(a.WalletBalance), Format(a.MarginBalance));
                    foreach (var p in s.Data.Position) Printer.AddRow(positions, p.Symbol, Format(p.PositionAmt), Format(p.EntryPrice), Format(p.MarkPrice));
                }
                printer.Table(table);
                printer.Table(positions);
            }, ct);
    }
}
