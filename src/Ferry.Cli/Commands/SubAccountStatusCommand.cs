using System.CommandLine;
using Ferry.Binance.Models;
using Ferry.Binance.SubAccount;
using Ferry.Cli.Output;

namespace Ferry.Cli.Commands;

/// <summary><c>ferry sub status</c>: whether sub-accounts have margin and futures enabled.</summary>
internal static class SubAccountStatusCommand
{
    public static Command Create(CliEnvironment env)
    {
        var common = JsonAccountOptions.New();
        var email = new Argument<string?>("EMAIL") { Description = "One sub-account (default: all).", Arity = ArgumentArity.ZeroOrOne };
        var command = common.Add(new Command("status", "Show whether sub-accounts have margin and futures enabled.") { email });
        command.SetAction((parse, ct) => RunAsync(env,
            new SubAccountStatusOptions(parse.GetValue(email), parse.GetValue(common.Json), parse.GetValue(common.Account)), ct));
        return command;
    }

    private static Task<int> RunAsync(CliEnvironment env, SubAccountStatusOptions options, CancellationToken ct)
    {
        var filter = new SubAccountEmailFilter { Email = options.Email is null ? null : CommandInput.Email(options.Email) };
        var printer = new Printer(env, options.Json);
        return SapiQuery.SubAccounts(env, printer, options.Account).RunAsync(
            c => c.SubAccountManagement.GetStatusAsync(filter, ct),
            BinanceJsonContext.Default.IReadOnlyListSubAccountStatusRow, rows =>
            {
                var table = Printer.NewTable("Email", "Enabled", "Active", "Margin", "Futures", "Created (UTC)");
                foreach (var r in rows)
                {
                    Printer.AddRow(table, r.Email, CellText.YesNo(r.IsSubUserEnabled), CellText.YesNo(r.IsUserActive), CellText.YesNo(r.IsMarginEnabled),
                        CellText.YesNo(r.IsFutureEnabled), CellText.Time(r.InsertTime));
                }
                printer.Table(table);
            }, ct);
    }
}
