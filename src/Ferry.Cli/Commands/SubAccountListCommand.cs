using System.CommandLine;
using Ferry.Binance.Models;
using Ferry.Binance.SubAccount;
using Ferry.Cli.Output;

namespace Ferry.Cli.Commands;

/// <summary><c>ferry sub list</c>: every sub-account, all pages.</summary>
internal static class SubAccountListCommand
{
    public static Command Create(CliEnvironment env)
    {
        var common = JsonAccountOptions.New();
        var frozen = new Option<bool>("--frozen") { Description = "Only frozen sub-accounts." };
        var active = new Option<bool>("--active") { Description = "Only sub-accounts that are not frozen." };
        var command = common.Add(new Command("list", "List every sub-account (all pages, 200 per request).") { frozen, active });
        command.SetAction((parse, ct) => RunAsync(env,
            new SubAccountListOptions(parse.GetValue(frozen), parse.GetValue(active), parse.GetValue(common.Json), parse.GetValue(common.Account)), ct));
        return command;
    }

    private static Task<int> RunAsync(CliEnvironment env, SubAccountListOptions options, CancellationToken ct)
    {
        if (options.Frozen && options.Active) throw CliException.BadInput("--frozen and --active exclude each other; give at most one.");
        bool? isFreeze = options.Frozen ? true : options.Active ? false : null;
        var printer = new Printer(env, options.Json);
        return SapiQuery.SubAccounts(env, printer, options.Account).RunAsync(
            c => c.SubAccountManagement.GetAllSubAccountsAsync(new SubAccountListQuery { IsFreeze = isFreeze }, ct),
            BinanceJsonContext.Default.IReadOnlyListSubAccountListRow, rows =>
            {
                var table = Printer.NewTable("Email", "Sub-user id", "Created (UTC)", "Frozen", "Remark");
                foreach (var r in rows)
                    Printer.AddRow(table, r.Email, r.SubUserId.ToString(System.Globalization.CultureInfo.InvariantCulture), CellText.Time(r.CreateTime), CellText.YesNo(r.IsFreeze), r.Remark);
                printer.Table(table);
                printer.Line($"{rows.Count} sub-account(s).");
            }, ct);
    }
}
