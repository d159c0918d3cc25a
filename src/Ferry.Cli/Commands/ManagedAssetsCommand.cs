using System.CommandLine;
using Ferry.Binance.ManagedSubAccount;
using Ferry.Binance.Models;
using Ferry.Cli.Output;
using static Ferry.Core.Money.WireDecimal;

namespace Ferry.Cli.Commands;

/// <summary><c>ferry managed assets</c>: a managed sub-account's spot assets.</summary>
internal static class ManagedAssetsCommand
{
    public static Command Create(CliEnvironment env)
    {
        var common = JsonAccountOptions.New();
        var email = new Argument<string>("EMAIL") { Description = "The managed sub-account." };
        var command = common.Add(new Command("assets", "A managed sub-account's spot assets.") { email });
        command.SetAction((parse, ct) => RunAsync(env, new ManagedAssetsOptions(parse.GetValue(email), parse.GetValue(common.Json), parse.GetValue(common.Account)), ct));
        return command;
    }

    private static Task<int> RunAsync(CliEnvironment env, ManagedAssetsOptions options, CancellationToken ct)
    {
        var query = new ManagedSubAccountEmailQuery(CommandInput.Email(options.Email));
        CommandInput.Check(query.Validate());
        var printer = new Printer(env, options.Json);
        return SapiQuery.ManagedSubAccounts(env, printer, options.Account).RunAsync(c => c.ManagedSubAccount.GetAssetsAsync(query, ct),
            BinanceJsonContext.Default.IReadOnlyListManagedSubAccountAsset, rows =>
            {
                var table = Printer.NewTable("Coin", "Total", "Available", "In order", "BTC value");
                foreach (var r in rows) Printer.AddRow(table, r.Coin, Format(r.TotalBalance), Format(r.AvailableBalance), Format(r.InOrder), Format(r.BtcValue));
                printer.Table(table);
                printer.Line($"{rows.Count} asset(s) in {query.Email}'s spot wallet.");
            }, ct);
    }
}
