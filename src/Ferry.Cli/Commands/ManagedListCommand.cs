using System.CommandLine;
using Ferry.Binance.ManagedSubAccount;
using Ferry.Binance.Models;
using Ferry.Cli.Output;

namespace Ferry.Cli.Commands;

/// <summary><c>ferry managed list</c>: the investor's managed sub-accounts and their trading teams, all pages.</summary>
internal static class ManagedListCommand
{
    public static Command Create(CliEnvironment env)
    {
        var common = JsonAccountOptions.New();
        var email = new Option<string?>("--email") { Description = "Only this managed sub-account." };
        var command = common.Add(new Command("list", "The investor's managed sub-accounts and their trading teams (all pages).") { email });
        command.SetAction((parse, ct) => RunAsync(env, new ManagedListOptions(parse.GetValue(email), parse.GetValue(common.Json), parse.GetValue(common.Account)), ct));
        return command;
    }

    private static Task<int> RunAsync(CliEnvironment env, ManagedListOptions options, CancellationToken ct)
    {
        var query = new ManagedSubAccountListQuery { Email = options.Email is { } e ? CommandInput.Email(e, "--email") : null };
        CommandInput.Check(query.Validate());
        var printer = new Printer(env, options.Json);
        return SapiQuery.ManagedSubAccounts(env, printer, options.Account).RunAsync(c => c.ManagedSubAccount.GetAllAsync(query, ct),
            BinanceJsonContext.Default.IReadOnlyListManagedSubAccountInfo, rows =>
            {
                var table = Printer.NewTable("Email", "Trading team", "Created (UTC)", "Enabled", "Margin", "Futures");
                foreach (var r in rows)
                {
                    Printer.AddRow(table, r.Email, r.BindParentEmail, CellText.Time(r.InsertTimeStamp), CellText.YesNo(r.IsSubUserEnabled),
                        CellText.YesNo(r.IsMarginEnabled), CellText.YesNo(r.IsFutureEnabled));
                }
                printer.Table(table);
                printer.Line($"{rows.Count} managed sub-account(s).");
            }, ct);
    }
}
