using System.CommandLine;
using Ferry.Binance.Models;
using Ferry.Binance.SubAccount;
using Ferry.Cli.Output;
using static Ferry.Core.Money.WireDecimal;

namespace Ferry.Cli.Commands;

/// <summary><c>ferry sub deposits</c>: a sub-account's deposit history, newest first, all pages.</summary>
internal static class SubAccountDepositsCommand
{
    public static Command Create(CliEnvironment env)
    {
        var common = JsonAccountOptions.New();
        var email = new Argument<string>("EMAIL") { Description = "The sub-account." };
        var coin = new Option<string?>("--coin") { Description = "Only this coin." };
        var status = new Option<int?>("--status") { Description = "Only this status: 0 pending, 1 success, 6 credited but cannot withdraw, 7 wrong deposit, 8 waiting user confirm." };
        var days = new Option<int?>("--days") { Description = "Only the last N days (1..3650; default: everything Binance returns)." };
        var command = common.Add(new Command("deposits", "A sub-account's deposit history, newest first (all pages).") { email, coin, status, days });
        command.SetAction((parse, ct) => RunAsync(env, new SubAccountDepositsOptions(parse.GetValue(email), parse.GetValue(coin),
            parse.GetValue(status), parse.GetValue(days), parse.GetValue(common.Json), parse.GetValue(common.Account)), ct));
        return command;
    }

    private static Task<int> RunAsync(CliEnvironment env, SubAccountDepositsOptions options, CancellationToken ct)
    {
        var s = options.Status;
        if (s is { } value && !Enum.IsDefined((DepositStatus)value)) throw CliException.BadInput($"--status {value} is not 0, 1, 6, 7 or 8.");
        var d = options.Days;
        if (d is < 1 or > 3650) throw CliException.BadInput($"--days {d} is out of range; use 1 to 3650.");
        var query = new SubAccountDepositHistoryQuery(CommandInput.Email(options.Email))
        {
            Coin = options.Coin is { } c ? CommandInput.Code(c, "--coin", "a coin") : null,
            Status = (DepositStatus?)s,
            StartTime = d is { } n ? env.Time.GetUtcNow().AddDays(-n) : null,
        };
        var printer = new Printer(env, options.Json);
        return SapiQuery.SubAccounts(env, printer, options.Account).RunAsync(c => c.SubAccountManagement.GetAllDepositHistoryAsync(query, ct),
            BinanceJsonContext.Default.IReadOnlyListSubAccountDepositRow, rows =>
            {
                var table = Printer.NewTable("Time (UTC)", "Coin", "Network", "Amount", "Status", "TxId");
                foreach (var r in rows) Printer.AddRow(table, CellText.Time(r.InsertTime), r.Coin, r.Network, Format(r.Amount), StatusName(r.Status), r.TxId);
                printer.Table(table);
                printer.Line($"{rows.Count} deposit(s).");
            }, ct);
    }

    private static string StatusName(int status) => status switch
    {
        0 => "pending",
        1 => "success",
        6 => "credited, cannot withdraw",
        7 => "wrong deposit",
        8 => "waiting user confirm",
        _ => status.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
