using System.CommandLine;
using Ferry.Binance.Models;
using Ferry.Binance.SubAccount;
using Ferry.Cli.Output;
using static Ferry.Core.Money.WireDecimal;

namespace Ferry.Cli.Commands;

/// <summary><c>ferry sub stats</c>: 30-day transaction statistics.</summary>
internal static class SubAccountStatsCommand
{
    public static Command Create(CliEnvironment env)
    {
        var common = JsonAccountOptions.New();
        var email = new Argument<string?>("EMAIL") { Description = "One sub-account (default: the master's view).", Arity = ArgumentArity.ZeroOrOne };
        var command = common.Add(new Command("stats", "30-day transaction statistics (weight 60).") { email });
        command.SetAction((parse, ct) => RunAsync(env,
            new SubAccountStatsOptions(parse.GetValue(email), parse.GetValue(common.Json), parse.GetValue(common.Account)), ct));
        return command;
    }

    private static Task<int> RunAsync(CliEnvironment env, SubAccountStatsOptions options, CancellationToken ct)
    {
        var filter = new SubAccountEmailFilter { Email = options.Email is null ? null : CommandInput.Email(options.Email) };
        var printer = new Printer(env, options.Json);
        return SapiQuery.SubAccounts(env, printer, options.Account).RunAsync(
            c => c.SubAccountManagement.GetTransactionStatisticsAsync(filter, ct),
            BinanceJsonContext.Default.SubAccountTransactionStatistics, s =>
            {
                var table = Printer.NewTable("Last 30 days", "Total", "Futures", "Margin");
                Printer.AddRow(table, "BTC", Format(s.Recent30BtcTotal), Format(s.Recent30BtcFuturesTotal), Format(s.Recent30BtcMarginTotal));
                Printer.AddRow(table, "BUSD", Format(s.Recent30BusdTotal), Format(s.Recent30BusdFuturesTotal), Format(s.Recent30BusdMarginTotal));
                printer.Table(table);
                printer.Line($"{s.TradeInfoVos.Count} daily row(s).");
            }, ct);
    }
}
