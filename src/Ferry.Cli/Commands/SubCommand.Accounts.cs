using System.CommandLine;
using Ferry.Binance.Models;
using Ferry.Binance.SubAccount;
using Ferry.Cli.Output;

namespace Ferry.Cli.Commands;

/// <summary>The accounts verbs: list, create, status, enable-futures, enable-options, stats.</summary>
internal static partial class SubCommand
{
    private static IEnumerable<Command> AccountVerbs(CliEnvironment env)
    {
        yield return List(env);
        yield return CreateVirtual(env);
        yield return Status(env);
        yield return Enable(env, "enable-futures", "Enable futures (USDⓈ-M and COIN-M) for a sub-account.", futures: true);
        yield return Enable(env, "enable-options", "Enable options for a sub-account.", futures: false);
        yield return Stats(env);
    }

    private static Command List(CliEnvironment env)
    {
        var common = Common.New();
        var frozen = new Option<bool>("--frozen") { Description = "Only frozen sub-accounts." };
        var active = new Option<bool>("--active") { Description = "Only sub-accounts that are not frozen." };
        var command = common.Add(new Command("list", "List every sub-account (all pages, 200 per request).") { frozen, active });
        command.SetAction((parse, ct) =>
        {
            if (parse.GetValue(frozen) && parse.GetValue(active)) throw CliException.BadInput("--frozen and --active exclude each other; give at most one.");
            bool? isFreeze = parse.GetValue(frozen) ? true : parse.GetValue(active) ? false : null;
            var printer = new Printer(env, parse.GetValue(common.Json));
            return RunAsync(env, printer, parse.GetValue(common.Account),
                c => c.SubAccountManagement.GetAllSubAccountsAsync(new SubAccountListQuery { IsFreeze = isFreeze }, ct),
                BinanceJsonContext.Default.IReadOnlyListSubAccountListRow, rows =>
                {
                    var table = Printer.NewTable("Email", "Sub-user id", "Created (UTC)", "Frozen", "Remark");
                    foreach (var r in rows)
                        Printer.AddRow(table, r.Email, r.SubUserId.ToString(System.Globalization.CultureInfo.InvariantCulture), Time(r.CreateTime), YesNo(r.IsFreeze), r.Remark);
                    printer.Table(table);
                    printer.Line($"{rows.Count} sub-account(s).");
                }, ct);
        });
        return command;
    }

    private static Command CreateVirtual(CliEnvironment env)
    {
        var common = Common.New();
        var name = new Argument<string>("NAME") { Description = "Letters and digits Binance turns into a virtual e-mail (NAME_virtual@...)." };
        var confirm = new Option<bool>("--confirm") { Description = "Consent to the change on mainnet without the CONFIRM prompt." };
        var command = common.Add(new Command("create", "Create a virtual sub-account.") { name, confirm });
        command.SetAction((parse, ct) =>
        {
            var request = new CreateVirtualSubAccountRequest(parse.GetValue(name) ?? "");
            if (request.Validate() is { } problem) throw CliException.BadInput(problem);
            var printer = new Printer(env, parse.GetValue(common.Json));
            return RunAsync(env, printer, parse.GetValue(common.Account),
                c => c.SubAccountManagement.CreateVirtualSubAccountAsync(request, ct),
                BinanceJsonContext.Default.VirtualSubAccountResult,
                r => printer.Line($"Created virtual sub-account {r.Email}."),
                $"create a virtual sub-account from '{request.SubAccountString}'", parse.GetValue(confirm), ct);
        });
        return command;
    }

    private static Command Status(CliEnvironment env)
    {
        var common = Common.New();
        var email = new Argument<string?>("EMAIL") { Description = "One sub-account (default: all).", Arity = ArgumentArity.ZeroOrOne };
        var command = common.Add(new Command("status", "Show whether sub-accounts have margin and futures enabled.") { email });
        command.SetAction((parse, ct) =>
        {
            var given = parse.GetValue(email);
            var filter = new SubAccountEmailFilter { Email = given is null ? null : Email(given) };
            var printer = new Printer(env, parse.GetValue(common.Json));
            return RunAsync(env, printer, parse.GetValue(common.Account),
                c => c.SubAccountManagement.GetStatusAsync(filter, ct),
                BinanceJsonContext.Default.IReadOnlyListSubAccountStatusRow, rows =>
                {
                    var table = Printer.NewTable("Email", "Enabled", "Active", "Margin", "Futures", "Created (UTC)");
                    foreach (var r in rows)
                        Printer.AddRow(table, r.Email, YesNo(r.IsSubUserEnabled), YesNo(r.IsUserActive), YesNo(r.IsMarginEnabled), YesNo(r.IsFutureEnabled), Time(r.InsertTime));
                    printer.Table(table);
                }, ct);
        });
        return command;
    }

    private static Command Enable(CliEnvironment env, string verb, string description, bool futures)
    {
        var common = Common.New();
        var email = new Argument<string>("EMAIL") { Description = "The sub-account." };
        var confirm = new Option<bool>("--confirm") { Description = "Consent to the change on mainnet without the CONFIRM prompt." };
        var command = common.Add(new Command(verb, description) { email, confirm });
        command.SetAction((parse, ct) =>
        {
            var request = new SubAccountEmailRequest(Email(parse.GetValue(email)));
            var printer = new Printer(env, parse.GetValue(common.Json));
            var change = $"enable {(futures ? "futures" : "options")} for {request.Email}";
            return futures
                ? RunAsync(env, printer, parse.GetValue(common.Account),
                    c => c.SubAccountManagement.EnableFuturesAsync(request, ct), BinanceJsonContext.Default.FuturesEnableResult,
                    r => printer.Line($"Futures {(r.IsFuturesEnabled ? "enabled" : "NOT enabled")} for {r.Email}."), change, parse.GetValue(confirm), ct)
                : RunAsync(env, printer, parse.GetValue(common.Account),
                    c => c.SubAccountManagement.EnableOptionsAsync(request, ct), BinanceJsonContext.Default.OptionsEnableResult,
                    r => printer.Line($"Options {(r.IsEOptionsEnabled ? "enabled" : "NOT enabled")} for {r.Email}."), change, parse.GetValue(confirm), ct);
        });
        return command;
    }

    private static Command Stats(CliEnvironment env)
    {
        var common = Common.New();
        var email = new Argument<string?>("EMAIL") { Description = "One sub-account (default: the master's view).", Arity = ArgumentArity.ZeroOrOne };
        var command = common.Add(new Command("stats", "30-day transaction statistics (weight 60).") { email });
        command.SetAction((parse, ct) =>
        {
            var given = parse.GetValue(email);
            var filter = new SubAccountEmailFilter { Email = given is null ? null : Email(given) };
            var printer = new Printer(env, parse.GetValue(common.Json));
            return RunAsync(env, printer, parse.GetValue(common.Account),
                c => c.SubAccountManagement.GetTransactionStatisticsAsync(filter, ct),
                BinanceJsonContext.Default.SubAccountTransactionStatistics, s =>
                {
                    var table = Printer.NewTable("Last 30 days", "Total", "Futures", "Margin");
                    Printer.AddRow(table, "BTC", Ferry.Core.Money.WireDecimal.Format(s.Recent30BtcTotal), Ferry.Core.Money.WireDecimal.Format(s.Recent30BtcFuturesTotal), Ferry.Core.Money.WireDecimal.Format(s.Recent30BtcMarginTotal));
                    Printer.AddRow(table, "BUSD", Ferry.Core.Money.WireDecimal.Format(s.Recent30BusdTotal), Ferry.Core.Money.WireDecimal.Format(s.Recent30BusdFuturesTotal), Ferry.Core.Money.WireDecimal.Format(s.Recent30BusdMarginTotal));
                    printer.Table(table);
                    printer.Line($"{s.TradeInfoVos.Count} daily row(s).");
                }, ct);
        });
        return command;
    }
}
